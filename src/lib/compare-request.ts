// The compare matrix a download request asks for: the published snapshot with the request's filters.
import { buildCompareMatrix, type CompareMatrix } from './compare-matrix'
import { getSiteContent } from './site-content'
import { absoluteUrl } from './site-url'
import { readTermFilters } from './term-filters'

export async function compareMatrixForRequest(request: Request): Promise<CompareMatrix> {
  const content = await getSiteContent()
  const searchParams = new URL(request.url).searchParams
  const params = Object.fromEntries([...searchParams.keys()].map((key) => [key, searchParams.getAll(key)]))
  return buildCompareMatrix(content, readTermFilters(params, content))
}

export const termUrl = (slug: string): string => absoluteUrl(`/terms/${slug}`)
