// Search for the public site: the pure search module (src/lib/search) over the current content
// snapshot. The index is built once per snapshot and rebuilt when published content changes.
import { findClosestTerms, suggestTermsForPath, type ClosestTerm, type SuggestedTerm } from './search/closest-terms'
import { createSearchIndexCache } from './search/search-index-cache'
import { normalizeSearchQuery } from './search/search-text'
import { searchTerms, type TermSearchHit } from './search/term-search-index'
import { getSiteContent } from './site-content'

const searchIndexFor = createSearchIndexCache()

async function getSearchIndex() {
  return searchIndexFor(await getSiteContent())
}

export type SiteSearchResults = {
  query: string
  hits: TermSearchHit[]
  /** Close titles to offer when nothing matched. */
  didYouMean: ClosestTerm[]
}

export async function searchSite(rawQuery: string | null | undefined): Promise<SiteSearchResults> {
  const query = normalizeSearchQuery(rawQuery)
  if (!query) return { query, hits: [], didYouMean: [] }
  const index = await getSearchIndex()
  const hits = searchTerms(index, query)
  return { query, hits, didYouMean: hits.length === 0 ? findClosestTerms(index, query) : [] }
}

export const MAX_SUGGESTIONS = 8

/** Search-as-you-type: a few hits with short snippets. */
export async function suggestSearchResults(rawQuery: string | null | undefined): Promise<TermSearchHit[]> {
  const query = normalizeSearchQuery(rawQuery)
  if (!query) return []
  return searchTerms(await getSearchIndex(), query, { limit: MAX_SUGGESTIONS, snippetLength: 90 })
}

/** Terms to offer on the 404 page for the address the reader asked for. */
export async function suggestTermsForMissingPage(pathname: string | null): Promise<SuggestedTerm[]> {
  if (!pathname) return []
  return suggestTermsForPath(await getSearchIndex(), pathname)
}
