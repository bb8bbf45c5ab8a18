import { TermBody } from '@/components/site/term-body'
import type { TermLinker } from '@/site-data/auto-link'
import type { TermView } from '@/site-data/term-view'

export function TermBodySection({ body, linker }: { body: NonNullable<TermView['body']>; linker: TermLinker }) {
  return (
    <section aria-label="More about this term" className="my-6">
      <TermBody body={body} linker={linker} />
    </section>
  )
}
