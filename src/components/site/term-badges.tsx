
import type { TermView } from '@/lib/term-view'

const DIFFICULTY_LABELS: Record<string, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' }

export function difficultyLabel(level: string): string {
  return DIFFICULTY_LABELS[level] ?? level
}

export function CategoryBadge({ category }: { category: NonNullable<TermView['category']> }) {
  return (
    <a href={`/categories/${category.slug}`} className="badge hover:bg-sunken">
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
