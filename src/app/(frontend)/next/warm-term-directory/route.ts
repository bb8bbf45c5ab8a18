// The server's start-up reads, called once as it starts listening: the database's planner statistics
// are refreshed (src/db/planner-statistics.ts), then the published glossary is read into this process's
// term directory (search, auto-links), so the first reader of a term page or a search does not wait for
// the whole glossary to be read. Anyone else gets a 404.
import { refreshPlannerStatistics } from '@/db/planner-statistics'
import { getPayloadClient } from '@/site-data/payload-client'
import { INTERNAL_TOKEN_HEADER, isInternalRequest } from '@/site-cache/internal-request'
import { warmTermDirectory } from '@/site-data/site-directory'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers.get(INTERNAL_TOKEN_HEADER))) return new Response('Not found', { status: 404 })
  await refreshPlannerStatistics(await getPayloadClient())
  return Response.json(await warmTermDirectory(), { headers: { 'cache-control': 'no-store' } })
}
