// One page of one category of the compare matrix, shared by /compare (the first category), its category
// pages (/compare/<category>, /compare/<category>/<n>), all cached, and the view filtered by provider
// (/compare?provider=…), rendered per request. Every view reads one page of rows.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { CompareTable } from '@/components/site/compare-table'
import { JsonLd } from '@/components/site/json-ld'
import { PaginationNav } from '@/components/site/pagination-nav'
import { TermFilterForm } from '@/components/site/term-filter-form'
import { compareBreadcrumbs } from '@/seo/breadcrumbs'
import { chosenColumns, withColumns } from '@/downloads/compare-matrix'
import { compareMetadata } from '@/seo/page-metadata'
import { pageCount } from '@/site-data/pagination'
import { COMPARE_DOWNLOAD_PATHS, compareCategoryPath, COMPARE_PATH, withQuery } from '@/routes/site-routes'
import { comparePageStructuredData } from '@/seo/structured-data'
import { termFiltersQuery, type TermFilters } from '@/site-data/term-filters'
import { getCompareRows } from '@/downloads/compare'
import { getCompareFilterChoices } from '@/site-data/filter-options'
import { getCategories, getProviders, type CategorySummary } from '@/site-data/taxonomy'

export type CompareSelection = {
  /** The category shown; null for /compare, which shows the first. */
  categorySlug: string | null
  page: number
  /** The provider filter chooses columns; the category filter is `categorySlug`. */
  filters: TermFilters
}

async function readCompare({ categorySlug, page, filters }: CompareSelection) {
  const [categories, providers, choices] = await Promise.all([
    getCategories(),
    getProviders(),
    getCompareFilterChoices(),
  ])
  const category =
    categorySlug === null
      ? (categories[0] ?? null)
      : (categories.find((candidate) => candidate.slug === categorySlug) ?? notFound())
  if (!category) return { category: null, categories, choices } as const
  const rows = await getCompareRows(category, providers, page)
  if (page > pageCount(rows.total, rows.perPage)) notFound()
  const columns = chosenColumns(providers, filters.providers)
  return {
    category,
    isFirst: category.id === categories[0]?.id,
    categories,
    choices,
    providers: columns.map((index) => providers[index]!),
    rows: { ...rows, items: rows.items.map((row) => withColumns(row, columns)) },
  } as const
}

export async function compareViewMetadata(selection: CompareSelection): Promise<Metadata> {
  const { category, isFirst } = await readCompare(selection)
  return compareMetadata(category ? { ...category, isFirst: Boolean(isFirst) } : undefined, selection.page)
}

function CategoryNav({ categories, current }: { categories: readonly CategorySummary[]; current: CategorySummary }) {
  return (
    <nav aria-label="Categories to compare" className="no-print mb-6">
      <ul className="flex flex-wrap gap-2">
        {categories.map((category) => (
          <li key={category.slug}>
            <a
              href={compareCategoryPath(category.slug)}
              className="badge min-h-10 px-4 hover:bg-sunken"
              aria-current={category.id === current.id ? 'page' : undefined}
            >
              {category.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Downloads({
  category,
  filters,
  summary,
}: {
  category: CategorySummary
  filters: TermFilters
  summary: string
}) {
  const query = termFiltersQuery({ categories: [category.slug], difficulties: [], providers: filters.providers })
  const everything = termFiltersQuery({ categories: [], difficulties: [], providers: filters.providers })
  return (
    <p className="no-print mb-4 flex flex-wrap items-center gap-x-4 gap-y-1" role="status">
      <span>{summary}</span>
      <a href={withQuery(COMPARE_DOWNLOAD_PATHS.csv, query)} download>
        Download CSV
      </a>
      <a href={withQuery(COMPARE_DOWNLOAD_PATHS.json, query)}>Download JSON</a>
      <a href={withQuery(COMPARE_DOWNLOAD_PATHS.csv, everything)} download>
        CSV of every category
      </a>
    </p>
  )
}

export async function CompareView({
  selection,
  pageHref,
}: {
  selection: CompareSelection
  pageHref?: (page: number) => string
}) {
  const view = await readCompare(selection)
  return (
    <>
      <JsonLd data={comparePageStructuredData()} />
      <Breadcrumbs trail={compareBreadcrumbs()} />
      <h1>Compare cloud providers</h1>
      <p className="mt-2 mb-6 max-w-3xl text-muted">
        The same idea under each provider&apos;s name, one category at a time. Filter by provider; the downloads follow
        your filters.
      </p>
      <TermFilterForm
        action={COMPARE_PATH}
        filters={{ ...selection.filters, categories: view.category ? [view.category.slug] : [] }}
        options={view.choices.options}
      />
      {view.category === null ? (
        <p>There is nothing to compare yet.</p>
      ) : (
        <>
          <CategoryNav categories={view.categories} current={view.category} />
          <Downloads
            category={view.category}
            filters={selection.filters}
            summary={`${view.rows.total} terms × ${view.providers.length} providers`}
          />
          <CompareTable category={view.category} providers={view.providers} rows={view.rows.items} />
          <PaginationNav
            page={selection.page}
            pageCount={pageCount(view.rows.total, view.rows.perPage)}
            href={pageHref ?? ((page) => compareCategoryPath(view.category.slug, page))}
            label={`Pages of ${view.category.name}`}
          />
        </>
      )}
    </>
  )
}
