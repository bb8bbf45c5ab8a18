import { termPath } from '@/routes/site-routes'
import type { TermListEntry } from '@/site-data/published-terms'

import { CategoryBadge, DifficultyBadge } from './term-badges'

export function TermCard({ term, headingLevel = 'h3' }: { term: TermListEntry; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel
  return (
    <article className="card flex h-full flex-col gap-2">
      <Heading className="text-lg font-semibold">
        <a href={termPath(term.slug)} className="text-ink no-underline hover:text-accent hover:underline">
          {term.title}
        </a>
      </Heading>
      <p className="line-clamp-3 text-muted">{term.summary}</p>
      <div className="mt-auto flex flex-wrap gap-2 pt-1">
        {term.category ? <CategoryBadge category={term.category} /> : null}
        <DifficultyBadge level={term.difficulty} />
      </div>
    </article>
  )
}

/** A headed grid of term cards, or nothing when there are no terms. */
export function TermCardSection({
  id,
  heading,
  terms,
}: {
  id: string
  heading: string
  terms: readonly TermListEntry[]
}) {
  if (terms.length === 0) return null
  return (
    <section aria-labelledby={id} className="render-when-visible mb-12">
      <h2 id={id} className="mb-4">
        {heading}
      </h2>
      <ul className="grid gap-3 md:grid-cols-2 lg:grid-cols-3">
        {terms.map((term) => (
          <li key={term.slug}>
            <TermCard term={term} />
          </li>
        ))}
      </ul>
    </section>
  )
}
