import type { Metadata } from 'next'

import { HighlightedText } from '@/components/site/highlighted-text'
import { SearchForm } from '@/components/site/search-form'
import { parsePageNumber } from '@/site-data/pagination'
import type { SearchResultsPage } from '@/search/search-results-page'
import { SEARCH_FIELD_LABELS } from '@/search/term-search-index'
import { searchSite } from '@/site-data/site-search'
import { termPath } from '@/routes/site-routes'

export const dynamic = 'force-dynamic'

type Args = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }

const firstValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata({ searchParams }: Args): Promise<Metadata> {
  const hasQuery = Boolean(firstValue((await searchParams).q)?.trim())
  return {
    title: 'Search',
    description: 'Search Cloudlex terms by name, alias, provider service, definition or FAQ.',
    // Result pages are endless variations of the same content; only the empty search page is indexed.
    robots: hasQuery ? { index: false, follow: true } : undefined,
  }
}

const searchPageHref = (query: string, page: number) =>
  `/search?${new URLSearchParams(page > 1 ? { q: query, page: String(page) } : { q: query })}`

function resultCountText({ query, hits, page, firstPosition, hasNextPage }: SearchResultsPage): string {
  if (hits.length === 0) return page > 1 ? `No more terms match “${query}”.` : `No terms match “${query}”.`
  if (page === 1 && !hasNextPage)
    return `${hits.length} ${hits.length === 1 ? 'term matches' : 'terms match'} “${query}”.`
  return `Terms ${firstPosition}–${firstPosition + hits.length - 1} matching “${query}”, best first.`
}

/** Previous and next only: counting every match to number the pages would rank the whole glossary. */
function SearchPageLinks({ query, page, hasNextPage }: SearchResultsPage) {
  if (page === 1 && !hasNextPage) return null
  return (
    <nav aria-label="Search result pages" className="no-print">
      <ul className="page-nav">
        {page > 1 ? (
          <li>
            <a href={searchPageHref(query, page - 1)} rel="prev">
              Previous
            </a>
          </li>
        ) : null}
        {hasNextPage ? (
          <li>
            <a href={searchPageHref(query, page + 1)} rel="next">
              Next
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export default async function SearchPage({ searchParams }: Args) {
  const params = await searchParams
  const results = await searchSite(firstValue(params.q), parsePageNumber(firstValue(params.page)) ?? 1)
  const { query, hits, didYouMean, page } = results

  return (
    <div className="flex flex-col gap-6">
      <h1>Search</h1>
      <SearchForm id="search-page-query" label="Search terms, services and FAQs" defaultValue={query} />

      {query ? (
        <p className="text-muted" data-testid="search-result-count">
          {resultCountText(results)}
        </p>
      ) : null}

      {hits.length > 0 ? (
        <ol className="flex flex-col gap-4" aria-label="Search results">
          {hits.map((hit) => (
            <li key={hit.slug} className="card">
              <h2 className="text-lg sm:text-xl">
                <a href={termPath(hit.slug)}>
                  <HighlightedText text={hit.title.text} ranges={hit.title.ranges} />
                </a>
              </h2>
              <p className="mt-1 flex flex-wrap gap-2 text-sm">
                {hit.category ? <span className="badge">{hit.category.name}</span> : null}
                <span className="text-muted">Matched in: {SEARCH_FIELD_LABELS[hit.matchedField]}</span>
              </p>
              <p className="mt-2 text-ink">
                <HighlightedText text={hit.snippet.text} ranges={hit.snippet.ranges} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}

      {query ? <SearchPageLinks {...results} /> : null}

      {query && hits.length === 0 && page === 1 ? (
        <section aria-labelledby="did-you-mean" className="flex flex-col gap-2">
          {didYouMean.length > 0 ? (
            <>
              <h2 id="did-you-mean">Did you mean</h2>
              <ul className="flex flex-wrap gap-2">
                {didYouMean.map((term) => (
                  <li key={term.slug}>
                    <a href={termPath(term.slug)} className="badge text-accent">
                      {term.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <h2 id="did-you-mean">No close matches</h2>
          )}
          <p>
            Browse every term in the <a href="/terms">A–Z index</a>.
          </p>
        </section>
      ) : null}
    </div>
  )
}
