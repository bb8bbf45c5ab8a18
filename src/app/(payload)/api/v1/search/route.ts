import { answerSearch } from '@/api-v1/search-route'

export const dynamic = 'force-dynamic'

export const GET = answerSearch
