// Search for the public site: the pure search module (src/lib/search) over the published-term directory's
// index, which follows each change to the glossary (src/site-data/term-directory.ts).
import { getTermSearchIndex } from '@/site-data/site-directory'

import { findClosestTerms, suggestTermsForPath, type ClosestTerm, type SuggestedTerm } from './search/closest-terms'
import { normalizeSearchQuery } from './search/search-text'
import { searchTerms, type TermSearchHit } from './search/term-search-index'

export type SiteSearchResults = {
  query: string
  hits: TermSearchHit[]
  /** Close titles to offer when nothing matched. */
  didYouMean: ClosestTerm[]
}

export async function searchSite(rawQuery: string | null | undefined): Promise<SiteSearchResults> {
  const query = normalizeSearchQuery(rawQuery)
  if (!query) return { query, hits: [], didYouMean: [] }
  const index = await getTermSearchIndex()
  const hits = searchTerms(index, query)
  return { query, hits, didYouMean: hits.length === 0 ? findClosestTerms(index, query) : [] }
}

export const MAX_SUGGESTIONS = 8

/** Search-as-you-type: a few hits with short snippets. */
export async function suggestSearchResults(rawQuery: string | null | undefined): Promise<TermSearchHit[]> {
  const query = normalizeSearchQuery(rawQuery)
  if (!query) return []
  return searchTerms(await getTermSearchIndex(), query, { limit: MAX_SUGGESTIONS, snippetLength: 90 })
}

/** Terms to offer on the 404 page for the address the reader asked for. */
export async function suggestTermsForMissingPage(pathname: string | null): Promise<SuggestedTerm[]> {
  if (!pathname) return []
  return suggestTermsForPath(await getTermSearchIndex(), pathname)
}
