import { conditionalResponse } from '@/http/conditional-response'
import { parseSitemapFile } from '@/seo/sitemap-entries'
import { getSitemapFile } from '@/seo/sitemap'

// One file the sitemap index lists: /sitemap/pages.xml or /sitemap/terms-<n>.xml. Runs per request to
// answer conditional requests; the document comes from the data cache.
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const file = parseSitemapFile((await params).file)
  const document = file ? await getSitemapFile(file) : null
  if (!document)
    return new Response('No such sitemap file.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  return conditionalResponse(
    request,
    { etag: document.etag, body: () => document.body },
    { 'content-type': 'application/xml; charset=utf-8' },
  )
}
