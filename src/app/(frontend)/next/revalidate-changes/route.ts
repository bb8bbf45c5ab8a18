// Expires the cached pages and data that changes recorded since the last call make stale. Called by the
// server itself about once a second; anyone else gets a 404.
import { revalidateTag } from 'next/cache'

import { getPayloadClient } from '@/site-data/payload-client'
import { INTERNAL_TOKEN_HEADER, isInternalRequest } from '@/site-cache/internal-request'
import { revalidateRecordedChanges } from '@/site-cache/revalidate-changes'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request.headers.get(INTERNAL_TOKEN_HEADER))) return new Response('Not found', { status: 404 })
  const report = await revalidateRecordedChanges(await getPayloadClient(), (tag) => revalidateTag(tag, { expire: 0 }))
  return Response.json(report, { headers: { 'cache-control': 'no-store' } })
}
