import { answerTermList } from '@/api-v1/term-list'
import { cacheAnonymousV1Reads } from '@/site-cache/anonymous-api-reads'

export const dynamic = 'force-dynamic'

export const GET = cacheAnonymousV1Reads(async (request: Request) => answerTermList(request))
