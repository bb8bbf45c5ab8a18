import { buildJsonFeed } from '@/lib/feeds'
import { getSiteContent } from '@/lib/site-content'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  return new Response(buildJsonFeed(await getSiteContent()), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  })
}
