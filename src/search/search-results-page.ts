// One page of the search page's results. Only the terms of the page asked for get snippets and highlights,
// and pages stop at MAX_SEARCH_PAGES: a reader who has not found the term by then refines the query, and
// no request can ask for the whole glossary ranked and rendered.
import { findClosestTerms, type ClosestTerm } from './closest-terms'
import { normalizeSearchQuery } from './search-text'
import { searchTerms, type TermSearchHit } from './search-terms'
import type { TermSearchIndex } from './term-search-index'

export const SEARCH_RESULTS_PER_PAGE = 20
export const MAX_SEARCH_PAGES = 10

export type SearchResultsPage = {
  query: string
  /** The page shown: the one asked for, brought within 1…MAX_SEARCH_PAGES. */
  page: number
  hits: TermSearchHit[]
  /** Position of the first hit among all results (1-based). */
  firstPosition: number
  hasNextPage: boolean
  /** Close titles to offer when nothing matched. */
  didYouMean: ClosestTerm[]
}

export async function searchResultsPage(
  index: TermSearchIndex,
  rawQuery: string | null | undefined,
  askedPage = 1,
): Promise<SearchResultsPage> {
  const query = normalizeSearchQuery(rawQuery)
  if (!query) return { query, page: 1, hits: [], firstPosition: 1, hasNextPage: false, didYouMean: [] }
  const page = Math.min(Math.max(1, Math.trunc(askedPage) || 1), MAX_SEARCH_PAGES)
  const offset = (page - 1) * SEARCH_RESULTS_PER_PAGE
  // One more than the page holds tells whether a next page exists without ranking the rest.
  const ranked = await searchTerms(index, query, { limit: offset + SEARCH_RESULTS_PER_PAGE + 1, offset })
  const hits = ranked.slice(0, SEARCH_RESULTS_PER_PAGE)
  return {
    query,
    page,
    hits,
    firstPosition: offset + 1,
    hasNextPage: ranked.length > SEARCH_RESULTS_PER_PAGE && page < MAX_SEARCH_PAGES,
    didYouMean: page === 1 && hits.length === 0 ? findClosestTerms(index, query) : [],
  }
}
