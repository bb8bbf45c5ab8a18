import { answerTermList } from '@/api-v1/term-list'
import { rateLimitedV1 } from '@/api-v1/rate-limit'
import { cacheAnonymousV1Reads } from '@/site-cache/anonymous-api-reads'

export const dynamic = 'force-dynamic'

export const GET = rateLimitedV1(answerTermList, cacheAnonymousV1Reads)

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'
