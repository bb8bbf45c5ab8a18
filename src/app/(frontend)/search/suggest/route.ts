// Search-as-you-type for the header combobox: GET /search/suggest?q=… → up to 8 hits as JSON.
import { normalizeSearchQuery } from '@/search/search-text'
import { toSearchSuggestion, type SearchSuggestionsResponse } from '@/search/search-suggestion'
import { suggestSearchResults } from '@/site-data/site-search'
import { takeAttemptFromAddress } from '@/rate-limit/limit-by-address'
import { tooManyRequestsResponse } from '@/rate-limit/too-many-requests-response'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const refusal = await takeAttemptFromAddress('searchSuggest', request.headers)
  if (refusal) return tooManyRequestsResponse(refusal)
  const rawQuery = new URL(request.url).searchParams.get('q')
  const hits = await suggestSearchResults(rawQuery)
  const body: SearchSuggestionsResponse = {
    query: normalizeSearchQuery(rawQuery),
    suggestions: hits.map(toSearchSuggestion),
  }
  // Answers change when content is published, so browsers and proxies must not keep them.
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } })
}
