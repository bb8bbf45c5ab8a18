import { answerChanges } from '@/api-v1/change-routes'
import { v1Route } from '@/api-v1/v1-route'
import { readChangeFeedSettings } from '@/config/env'
import { getPayloadClient } from '@/site-data/payload-client'

export const dynamic = 'force-dynamic'

// Not wrapped in cacheAnonymousV1Reads: a page of the feed changes as rows settle, with no change recorded.
export const GET = v1Route(async (request: Request) =>
  answerChanges(request, await getPayloadClient(), readChangeFeedSettings()),
)

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'
