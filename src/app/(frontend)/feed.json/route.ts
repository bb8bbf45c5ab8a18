import { conditionalResponse } from '@/http/conditional-response'
import { getFeedDocument } from '@/seo/feed-documents'

// Next's rendering cache answers no conditional requests for route handlers, so this one runs per
// request: the feed itself comes from the data cache with its ETag, and an unchanged feed gets a 304.
export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const feed = await getFeedDocument('json')
  return conditionalResponse(
    request,
    { etag: feed.etag, body: () => feed.body },
    { 'content-type': 'application/feed+json; charset=utf-8' },
  )
}
