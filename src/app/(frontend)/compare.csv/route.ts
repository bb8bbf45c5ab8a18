import { buildCompareMatrix, compareMatrixToCsv } from '@/lib/compare-matrix'
import { getSiteContent } from '@/lib/site-content'
import { absoluteUrl } from '@/lib/site-url'
import { readTermFilters } from '@/lib/term-filters'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const content = await getSiteContent()
  const searchParams = new URL(request.url).searchParams
  const params = Object.fromEntries([...searchParams.keys()].map((key) => [key, searchParams.getAll(key)]))
  const matrix = buildCompareMatrix(content, readTermFilters(params, content))
  return new Response(compareMatrixToCsv(matrix, (slug) => absoluteUrl(`/terms/${slug}`)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="cloudlex-compare.csv"',
    },
  })
}
