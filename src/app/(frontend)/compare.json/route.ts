import { compareMatrixToJson } from '@/lib/compare-matrix'
import { compareMatrixForRequest, termUrl } from '@/lib/compare-request'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return Response.json(compareMatrixToJson(await compareMatrixForRequest(request), termUrl))
}
