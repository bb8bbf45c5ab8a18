import { categoryPath } from '@/routes/site-routes'
import { difficultyLabel } from '@/site-data/term-filters'
import type { TermView } from '@/site-data/term-view'

export { difficultyLabel }

export function CategoryBadge({ category }: { category: NonNullable<TermView['category']> }) {
  return (
    <a href={categoryPath(category.slug)} className="badge hover:bg-sunken">
      <span className="sr-only">Category: </span>
      {category.name}
    </a>
  )
}

export function DifficultyBadge({ level }: { level: string }) {
  const dots = level === 'advanced' ? 3 : level === 'intermediate' ? 2 : 1
  return (
    <span className="badge">
      <span aria-hidden="true" className="tracking-tighter text-accent">
        {'●'.repeat(dots)}
        {'○'.repeat(3 - dots)}
      </span>
      <span className="sr-only">Difficulty: </span>
      {difficultyLabel(level)}
    </span>
  )
}
