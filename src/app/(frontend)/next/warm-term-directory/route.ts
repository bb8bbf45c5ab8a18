// Reads the published glossary into this process's term directory (search, auto-links). Called once by the
// server as it starts listening, so the first reader of a term page or a search does not wait for the
// whole glossary to be read (about a minute at 100,000 terms). Anyone else gets a 404.
import { INTERNAL_TOKEN_HEADER, isInternalRequest } from '@/site-cache/internal-request'
import { warmTermDirectory } from '@/site-data/site-directory'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers.get(INTERNAL_TOKEN_HEADER))) return new Response('Not found', { status: 404 })
  return Response.json(await warmTermDirectory(), { headers: { 'cache-control': 'no-store' } })
}
