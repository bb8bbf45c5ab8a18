// The 404 page's suggestions: GET /next/not-found-suggestions?path=/terms/cloud-trial → the closest terms
// and the address's words. Rate limited per address, since each answer compares the path with every title.
import { MAX_REQUEST_PATH_LENGTH } from '@/lib/request-path-header'
import type { MissingPageSuggestions } from '@/lib/missing-page-suggestions'
import { wordsFromPath } from '@/lib/search/closest-terms'
import { suggestTermsForMissingPage } from '@/lib/site-search'
import { takeAttemptFromAddress } from '@/rate-limit/limit-by-address'
import { tooManyRequestsResponse } from '@/rate-limit/too-many-requests-response'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const path = new URL(request.url).searchParams.get('path')
  if (!path?.startsWith('/')) {
    return Response.json({ message: 'Give the address that was not found as ?path=/…' }, { status: 400, headers: { 'Cache-Control': 'no-store' } })
  }
  const refusal = await takeAttemptFromAddress('notFoundSuggestions', request.headers)
  if (refusal) return tooManyRequestsResponse(refusal)
  const pathname = path.slice(0, MAX_REQUEST_PATH_LENGTH)
  const suggestions = await suggestTermsForMissingPage(pathname)
  const body: MissingPageSuggestions = { query: wordsFromPath(pathname), terms: suggestions.map(({ title, slug }) => ({ title, slug })) }
  // Answers change when content is published, so browsers and proxies must not keep them.
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } })
}
