import { answerProviders } from '@/api-v1/taxonomy-routes'
import { cacheAnonymousV1Reads } from '@/site-cache/anonymous-api-reads'

export const dynamic = 'force-dynamic'

export const GET = cacheAnonymousV1Reads(async (request: Request) => answerProviders(request))
