import { buildCompareMatrix, compareMatrixToJson } from '@/lib/compare-matrix'
import { getSiteContent } from '@/lib/site-content'
import { absoluteUrl } from '@/lib/site-url'
import { readTermFilters } from '@/lib/term-filters'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const content = await getSiteContent()
  const searchParams = new URL(request.url).searchParams
  const params = Object.fromEntries([...searchParams.keys()].map((key) => [key, searchParams.getAll(key)]))
  const matrix = buildCompareMatrix(content, readTermFilters(params, content))
  return Response.json(compareMatrixToJson(matrix, (slug) => absoluteUrl(`/terms/${slug}`)))
}
