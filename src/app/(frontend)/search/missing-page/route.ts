// Terms close to an address that has no page: GET /search/missing-page?path=/terms/cloud-trial → JSON.
// The 404 page is served from the rendering cache like any page, the same for every address, so it asks
// for its suggestions here.
import { wordsFromPath } from '@/search/closest-terms'
import { suggestTermsForMissingPage, type MissingPageSuggestions } from '@/site-data/site-search'
import { takeAttemptFromAddress } from '@/rate-limit/limit-by-address'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const path = new URL(request.url).searchParams.get('path') ?? ''
  // Over the limit the answer is only empty: the page stays a useful 404 without the suggestions.
  const overLimit = await takeAttemptFromAddress('notFoundSuggestions', request.headers)
  const body: MissingPageSuggestions = {
    words: path ? wordsFromPath(path) : '',
    suggestions: overLimit || !path ? [] : await suggestTermsForMissingPage(path),
  }
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } })
}
