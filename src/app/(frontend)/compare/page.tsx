import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { JsonLd } from '@/components/site/json-ld'
import { MatchLevel } from '@/components/site/match-level'
import { ProviderMark } from '@/components/site/provider-mark'
import { TermFilterForm } from '@/components/site/term-filter-form'
import { compareBreadcrumbs } from '@/lib/breadcrumbs'
import { buildCompareMatrix } from '@/lib/compare-matrix'
import { compareMetadata } from '@/lib/page-metadata'
import { comparePageStructuredData } from '@/lib/structured-data'
import { getSiteContent } from '@/lib/site-content'
import { filterTerms, hasTermFilters, readTermFilters, termFiltersQuery } from '@/lib/term-filters'

type Args = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Args): Promise<Metadata> {
  const content = await getSiteContent()
  const filters = readTermFilters(await searchParams, content)
  return { ...compareMetadata(), robots: hasTermFilters(filters) ? { index: false, follow: true } : undefined }
}

export default async function ComparePage({ searchParams }: Args) {
  const content = await getSiteContent()
  const filters = readTermFilters(await searchParams, content)
  const matrix = buildCompareMatrix(content, filters)
  const query = termFiltersQuery(filters)
  const suffix = query ? `?${query}` : ''

  return (
    <>
      <JsonLd data={comparePageStructuredData()} />
      <Breadcrumbs trail={compareBreadcrumbs()} />
      <h1>Compare cloud providers</h1>
      <p className="mt-2 mb-6 max-w-3xl text-muted">
        The same idea under each provider&apos;s name. Filter by category or provider; the downloads follow your filters.
      </p>
      <TermFilterForm
        action="/compare"
        content={content}
        filters={filters}
        fields={['category', 'provider']}
        countTerms={(field, value) =>
          field === 'category'
            ? filterTerms(content.terms, { categories: [value], difficulties: [], providers: [] }).length
            : filterTerms(content.terms, { categories: [], difficulties: [], providers: [value] }).length
        }
      />
      <p className="no-print mb-4 flex flex-wrap items-center gap-x-4 gap-y-1" role="status">
        <span>
          {matrix.termCount} terms × {matrix.providers.length} providers
        </span>
        <a href={`/compare.csv${suffix}`} download>
          Download CSV
        </a>
        <a href={`/compare.json${suffix}`}>Download JSON</a>
      </p>
      {matrix.groups.map((group) => (
        <section
          key={group.category.slug}
          aria-labelledby={`compare-${group.category.slug}`}
          className="render-when-visible mb-8"
        >
          <h2 id={`compare-${group.category.slug}`} className="mb-2 text-xl">
            <a href={`/categories/${group.category.slug}`} className="text-ink">
              {group.category.name}
            </a>
          </h2>
          <div className="overflow-x-auto rounded-xl border border-line bg-surface">
            <table className="compare-table w-full min-w-[48rem] table-fixed border-collapse text-left text-sm" data-compare-matrix>
              <caption className="sr-only">{group.category.name}: services per provider for each term</caption>
              <thead className="bg-sunken">
                <tr>
                  <th scope="col" className="sticky left-0 w-48 bg-sunken">
                    Term
                  </th>
                  {matrix.providers.map((provider) => (
                    <th key={provider.slug} scope="col">
                      <span className="flex items-center gap-2">
                        <ProviderMark provider={provider} size="sm" />
                        {provider.fullName}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.term.slug}>
                    <th scope="row">
                      <a href={`/terms/${row.term.slug}`}>{row.term.title}</a>
                    </th>
                    {row.cells.map((cell, index) => (
                      <td key={matrix.providers[index]!.slug}>
                        {cell === null ? (
                          <span className="font-normal text-muted">Not recorded</span>
                        ) : cell.service === null ? (
                          <em className="font-normal text-muted">No equivalent</em>
                        ) : (
                          <>
                            {cell.service}
                            {cell.matchLevel ? (
                              <span className="block">
                                <MatchLevel level={cell.matchLevel} />
                              </span>
                            ) : null}
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  )
}
