// The definition, a paragraph per blank-line-separated block, with glossary mentions linked.
import { LinkedText } from '@/components/site/linked-text'
import type { TermLinker } from '@/site-data/auto-link'

export function TermDefinition({ definition, linker }: { definition: string; linker: TermLinker }) {
  return (
    <section aria-labelledby="definition" className="text-lg">
      <h2 id="definition" className="sr-only">
        Definition
      </h2>
      {definition.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index} className="mb-3">
          <LinkedText text={paragraph} linker={linker} />
        </p>
      ))}
    </section>
  )
}
