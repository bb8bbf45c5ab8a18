// The A–Z index filtered by category, difficulty or provider: /terms?category=… is rewritten here
// (next.config.mjs), so the address readers share keeps its filters while the unfiltered pages stay
// cached. Rendered per request, it reads one page of matching terms and takes its counts from the
// cached counts.
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { PaginationNav } from '@/components/site/pagination-nav'
import { TermFilterForm } from '@/components/site/term-filter-form'
import { TermIndexEntries } from '@/components/site/term-index-entries'
import { termIndexBreadcrumbs } from '@/seo/breadcrumbs'
import { filteredViewMetadata, termIndexMetadata } from '@/seo/page-metadata'
import { pageCount, parsePageNumber } from '@/site-data/pagination'
import { TERM_INDEX_PATH, withQuery } from '@/routes/site-routes'
import {
  hasTermFilters,
  readTermFilters,
  termFiltersQuery,
  termFiltersWhere,
  type TermFilters,
} from '@/site-data/term-filters'
import { getTermFilterChoices, type FilterChoices } from '@/site-data/filter-options'
import { findFilteredTerms, getPublishedTermCount } from '@/site-data/term-index'

type SearchParams = Record<string, string | string[] | undefined>
type Args = { searchParams: Promise<SearchParams> }

export async function generateMetadata(): Promise<Metadata> {
  return filteredViewMetadata(termIndexMetadata(await getPublishedTermCount()))
}

/** The page asked for; a page past the last shows the last. */
function requestedPage(params: SearchParams): number {
  const raw = params.page
  return parsePageNumber(Array.isArray(raw) ? raw[0] : raw) ?? 1
}

async function readFilteredIndex(filters: TermFilters, choices: FilterChoices, page: number) {
  const where = termFiltersWhere(filters, choices.vocabulary)
  const first = await findFilteredTerms(where, page)
  const last = pageCount(first.total, first.perPage)
  return page > last ? findFilteredTerms(where, last) : first
}

export default async function FilteredTermIndexPage({ searchParams }: Args) {
  const params = await searchParams
  const choices = await getTermFilterChoices()
  const filters = readTermFilters(params, choices.vocabulary)
  // Only unknown or empty values: the unfiltered index is the cached page.
  if (!hasTermFilters(filters)) redirect(TERM_INDEX_PATH)
  const [entries, total] = await Promise.all([
    readFilteredIndex(filters, choices, requestedPage(params)),
    getPublishedTermCount(),
  ])
  const query = termFiltersQuery(filters)
  const pageHref = (page: number) => withQuery(TERM_INDEX_PATH, page > 1 ? `${query}&page=${page}` : query)

  return (
    <>
      <Breadcrumbs trail={termIndexBreadcrumbs()} />
      <h1>A–Z index</h1>
      <p className="mt-2 mb-6 text-muted" role="status">
        {`${entries.total} of ${total} terms match these filters.`}
      </p>
      <TermFilterForm action={TERM_INDEX_PATH} filters={filters} options={choices.options} />
      {entries.total === 0 ? (
        <p>
          No term matches these filters. <a href={TERM_INDEX_PATH}>Show all terms</a>.
        </p>
      ) : (
        <TermIndexEntries entries={entries.items} />
      )}
      <PaginationNav
        page={entries.page}
        pageCount={pageCount(entries.total, entries.perPage)}
        href={pageHref}
        label="Pages of results"
      />
    </>
  )
}
