import { buildAtomFeed } from '@/lib/feeds'
import { getSiteContent } from '@/lib/site-content'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  return new Response(buildAtomFeed(await getSiteContent()), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  })
}
