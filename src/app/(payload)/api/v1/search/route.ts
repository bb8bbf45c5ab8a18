import { v1Route } from '@/api-v1/v1-route'
import { answerSearch } from '@/api-v1/search-route'

export const dynamic = 'force-dynamic'

export const GET = v1Route(answerSearch)

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'
