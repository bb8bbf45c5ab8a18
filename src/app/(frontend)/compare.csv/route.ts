import { compareMatrixToCsv } from '@/lib/compare-matrix'
import { compareMatrixForRequest, termUrl } from '@/lib/compare-request'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const matrix = await compareMatrixForRequest(request)
  return new Response(compareMatrixToCsv(matrix, termUrl), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="cloudlex-compare.csv"',
    },
  })
}
