import { TermBody } from '@/components/site/term-body'
import type { TermLinker } from '@/lib/auto-link'
import type { TermView } from '@/lib/term-view'

export function TermBodySection({ body, linker }: { body: NonNullable<TermView['body']>; linker: TermLinker }) {
  return (
    <section aria-label="More about this term" className="my-6">
      <TermBody body={body} linker={linker} />
    </section>
  )
}
