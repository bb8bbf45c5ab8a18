// Search for the public site: the pure search module (src/search) over the published-term directory's
// index, which follows each change to the glossary (src/site-data/term-directory.ts).
import { suggestTermsForPath, type SuggestedTerm } from '@/search/closest-terms'
import { searchResultsPage, type SearchResultsPage } from '@/search/search-results-page'
import { searchTerms, type TermSearchHit } from '@/search/search-terms'
import { normalizeSearchQuery } from '@/search/search-text'

import { getTermSearchIndex } from './site-directory'

/** One page of results for the search page (page 1 unless the address names another). */
export async function searchSite(rawQuery: string | null | undefined, page = 1): Promise<SearchResultsPage> {
  return searchResultsPage(await getTermSearchIndex(), rawQuery, page)
}

export const MAX_SUGGESTIONS = 8

/** Search-as-you-type: a few hits with short snippets. */
export async function suggestSearchResults(rawQuery: string | null | undefined): Promise<TermSearchHit[]> {
  const query = normalizeSearchQuery(rawQuery)
  if (!query) return []
  return searchTerms(await getTermSearchIndex(), query, { limit: MAX_SUGGESTIONS, snippetLength: 90 })
}

/** The answer of GET /search/missing-page: the words read from the address and the terms close to them. */
export type MissingPageSuggestions = { words: string; suggestions: SuggestedTerm[] }

/** Terms to offer on the 404 page for the address the reader asked for. */
export async function suggestTermsForMissingPage(pathname: string | null): Promise<SuggestedTerm[]> {
  if (!pathname) return []
  return suggestTermsForPath(await getTermSearchIndex(), pathname)
}
