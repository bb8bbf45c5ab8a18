import { answerChanges } from '@/api-v1/change-routes'
import { readChangeFeedSettings } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload-client'

export const dynamic = 'force-dynamic'

// Not wrapped in cacheAnonymousV1Reads: a page of the feed changes as rows settle, with no change recorded.
export async function GET(request: Request): Promise<Response> {
  return answerChanges(request, await getPayloadClient(), readChangeFeedSettings())
}
