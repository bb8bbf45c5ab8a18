// The home page's "recently added" and "recently updated" lists.
import type { TermView } from './term-view'

const newestFirst = (key: 'createdAt' | 'updatedAt') => (a: TermView, b: TermView) => b[key].localeCompare(a[key])

export function recentlyAddedTerms(terms: readonly TermView[], count: number): TermView[] {
  return [...terms].sort(newestFirst('createdAt')).slice(0, count)
}

/** Terms edited after they were added, newest edit first, leaving out those already shown in `exclude`. */
export function recentlyUpdatedTerms(terms: readonly TermView[], count: number, exclude: readonly TermView[] = []): TermView[] {
  const shown = new Set(exclude.map((term) => term.slug))
  return terms
    .filter((term) => !shown.has(term.slug) && term.updatedAt > term.createdAt)
    .sort(newestFirst('updatedAt'))
    .slice(0, count)
}
