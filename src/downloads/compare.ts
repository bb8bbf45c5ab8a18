// The compare matrix, read one category page at a time: for the page (cached per category and page,
// with every provider's cell so a provider filter only picks columns) and for the downloads (a page of
// rows after another, so a download never holds more than one page of the glossary).
import type { Payload } from 'payload'

import { cachedRead } from '@/site-cache/cached-read'
import { categoryTermsTag, PROVIDER_LIST_TAG } from '@/site-cache/cache-tags'
import { compareRow, type CompareProvider, type CompareRow } from '@/downloads/compare-matrix'
import { getPayloadClient } from '@/site-data/payload-client'

import { countPublishedTerms, findPublishedTerms, type ListPage } from '../site-data/published-terms'
import type { CategorySummary } from '../site-data/taxonomy'

export const COMPARE_ROWS_PER_PAGE = 50
/** Rows read per query while a download is written. */
export const DOWNLOAD_ROWS_PER_READ = 500

const COMPARE_SELECT = { title: true, slug: true, difficulty: true, providerEquivalents: true } as const

export async function readCompareRows(
  payload: Payload,
  categoryId: string,
  providers: readonly CompareProvider[],
  page: number,
  perPage = COMPARE_ROWS_PER_PAGE,
): Promise<ListPage<CompareRow>> {
  const result = await findPublishedTerms(payload, {
    where: { category: { equals: categoryId } },
    page,
    perPage,
    select: COMPARE_SELECT,
  })
  return { items: result.docs.map((term) => compareRow(term, providers)), total: result.totalDocs, page, perPage }
}

/** One page of a category's matrix, with a cell for every provider (in the order given). */
export function getCompareRows(
  category: Pick<CategorySummary, 'id'>,
  providers: readonly CompareProvider[],
  page: number,
): Promise<ListPage<CompareRow>> {
  return cachedRead(
    ['compare-rows', category.id, page, ...providers.map((provider) => provider.id)],
    [categoryTermsTag(category.id), PROVIDER_LIST_TAG],
    async () => readCompareRows(await getPayloadClient(), category.id, providers, page),
  )
}

/** Published terms per category, for the downloads' term count. */
export async function countCompareTerms(
  payload: Payload,
  categories: readonly Pick<CategorySummary, 'id'>[],
): Promise<number> {
  const counts = await Promise.all(
    categories.map((category) => countPublishedTerms(payload, { category: { equals: category.id } })),
  )
  return counts.reduce((sum, count) => sum + count, 0)
}

/**
 * Every row of the given categories, category after category in the order given and by title inside
 * each, read `DOWNLOAD_ROWS_PER_READ` at a time. Terms published while a download runs may be missed or
 * repeated at a page boundary; each row is the published term as it was when its page was read.
 */
export async function* compareRowPages(
  payload: Payload,
  categories: readonly CategorySummary[],
  providers: readonly CompareProvider[],
): AsyncGenerator<{ category: CategorySummary; rows: CompareRow[]; firstOfCategory: boolean }> {
  for (const category of categories) {
    for (let page = 1; ; page += 1) {
      const { items, total } = await readCompareRows(payload, category.id, providers, page, DOWNLOAD_ROWS_PER_READ)
      yield { category, rows: items, firstOfCategory: page === 1 }
      if (page * DOWNLOAD_ROWS_PER_READ >= total || items.length === 0) break
    }
  }
}
