import { rateLimitedV1 } from '@/api-v1/rate-limit'
import { answerSearch } from '@/api-v1/search-route'

export const dynamic = 'force-dynamic'

export const GET = rateLimitedV1(answerSearch)

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'
