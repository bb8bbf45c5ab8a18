// The term's title, other names, category and difficulty badges, and when it last changed.
import { CategoryBadge, DifficultyBadge } from '@/components/site/term-badges'
import type { TermView } from '@/site-data/term-view'

function formatUpdatedDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
}

export function TermHeader({ term }: { term: TermView }) {
  return (
    <header className="mb-6">
      <h1>{term.title}</h1>
      {term.aliases.length > 0 ? <p className="mt-1 text-muted">Also known as {term.aliases.join(', ')}</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {term.category ? <CategoryBadge category={term.category} /> : null}
        <DifficultyBadge level={term.difficulty} />
        <span className="text-sm text-muted">
          Last updated <time dateTime={term.updatedAt}>{formatUpdatedDate(term.updatedAt)}</time>
        </span>
      </div>
    </header>
  )
}
