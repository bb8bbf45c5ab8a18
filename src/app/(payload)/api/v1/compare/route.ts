import { answerCompare } from '@/api-v1/compare-route'
import { rateLimitedV1 } from '@/api-v1/rate-limit'
import { cacheAnonymousV1Reads } from '@/site-cache/anonymous-api-reads'

export const dynamic = 'force-dynamic'

export const GET = rateLimitedV1(answerCompare, cacheAnonymousV1Reads)

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'
