import { rateLimitedV1 } from '@/api-v1/rate-limit'
import { answerTerm } from '@/api-v1/term-routes'
import { cacheAnonymousV1Reads } from '@/site-cache/anonymous-api-reads'

export const dynamic = 'force-dynamic'

export const GET = rateLimitedV1(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => answerTerm(request, (await params).slug),
  cacheAnonymousV1Reads,
)

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'
