// The home page's "recently added" and "recently updated" lists, chosen from the newest terms the
// database returns (by creation and by last update).
type Dated = { slug: string; createdAt: string; updatedAt: string }

const newestFirst = (key: 'createdAt' | 'updatedAt') => (a: Dated, b: Dated) => b[key].localeCompare(a[key])

export function recentlyAddedTerms<T extends Dated>(terms: readonly T[], count: number): T[] {
  return [...terms].sort(newestFirst('createdAt')).slice(0, count)
}

/**
 * Terms edited after they were added, newest edit first, leaving out those already shown in `exclude`.
 * Given the most recently updated terms only, it finds the edited ones among them.
 */
export function recentlyUpdatedTerms<T extends Dated>(
  terms: readonly T[],
  count: number,
  exclude: readonly Dated[] = [],
): T[] {
  const shown = new Set(exclude.map((term) => term.slug))
  return terms
    .filter((term) => !shown.has(term.slug) && term.updatedAt > term.createdAt)
    .sort(newestFirst('updatedAt'))
    .slice(0, count)
}
