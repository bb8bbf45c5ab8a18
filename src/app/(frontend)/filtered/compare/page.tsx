// The compare matrix filtered by provider: /compare?provider=…&category=…&page=… is rewritten here
// (next.config.mjs). A category alone is one of the cached pages, so it is redirected there; with a
// provider it is rendered per request from the same cached page of rows, with the chosen columns.
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { filteredViewMetadata } from '@/seo/page-metadata'
import { parsePageNumber } from '@/site-data/pagination'
import { compareCategoryPath, COMPARE_PATH, withQuery } from '@/routes/site-routes'
import { readTermFilters, termFiltersQuery } from '@/site-data/term-filters'
import { getCompareFilterChoices } from '@/site-data/filter-options'

import { compareViewMetadata, CompareView, type CompareSelection } from '../../compare/compare-view'

type SearchParams = Record<string, string | string[] | undefined>
type Args = { searchParams: Promise<SearchParams> }

async function selectionOf(params: SearchParams): Promise<CompareSelection> {
  const { vocabulary } = await getCompareFilterChoices()
  const filters = readTermFilters(params, vocabulary)
  const page = parsePageNumber(Array.isArray(params.page) ? params.page[0] : params.page) ?? 1
  return {
    categorySlug: filters.categories[0] ?? null,
    page,
    filters: { ...filters, categories: [], difficulties: [] },
  }
}

export async function generateMetadata({ searchParams }: Args): Promise<Metadata> {
  return filteredViewMetadata(await compareViewMetadata(await selectionOf(await searchParams)))
}

export default async function FilteredComparePage({ searchParams }: Args) {
  const selection = await selectionOf(await searchParams)
  if (selection.filters.providers.length === 0) {
    redirect(selection.categorySlug ? compareCategoryPath(selection.categorySlug, selection.page) : COMPARE_PATH)
  }
  const query = (page: number) => {
    const filters = termFiltersQuery({
      categories: selection.categorySlug ? [selection.categorySlug] : [],
      difficulties: [],
      providers: selection.filters.providers,
    })
    return withQuery(COMPARE_PATH, page > 1 ? `${filters}&page=${page}` : filters)
  }
  return <CompareView selection={selection} pageHref={query} />
}
