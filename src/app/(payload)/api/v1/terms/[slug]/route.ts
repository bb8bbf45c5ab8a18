import { v1Route } from '@/api-v1/v1-route'
import { answerTerm } from '@/api-v1/term-routes'
import { cacheAnonymousV1Reads } from '@/site-cache/anonymous-api-reads'

export const dynamic = 'force-dynamic'

export const GET = v1Route(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
    answerTerm(request, (await params).slug),
  cacheAnonymousV1Reads,
)

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'
