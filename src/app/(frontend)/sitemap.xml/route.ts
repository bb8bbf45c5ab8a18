import { conditionalResponse } from '@/http/conditional-response'
import { getSitemapIndex } from '@/seo/sitemap'

// The sitemap index over the files in /sitemap/<file>.xml. Runs per request to answer conditional
// requests (Next does not for cached route handlers); the document comes from the data cache.
export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const index = await getSitemapIndex()
  return conditionalResponse(
    request,
    { etag: index.etag, body: () => index.body },
    { 'content-type': 'application/xml; charset=utf-8' },
  )
}
