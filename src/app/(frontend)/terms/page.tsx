import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { JsonLd } from '@/components/site/json-ld'
import { difficultyLabel } from '@/components/site/term-badges'
import { TermFilterForm } from '@/components/site/term-filter-form'
import { termIndexBreadcrumbs } from '@/lib/breadcrumbs'
import { groupTermsByLetter } from '@/lib/group-terms-by-letter'
import { termIndexMetadata } from '@/lib/page-metadata'
import { getSiteContent } from '@/lib/site-content'
import { termIndexStructuredData } from '@/lib/structured-data'
import { termMetaDescription } from '@/lib/term-summary'
import { filterTerms, hasTermFilters, readTermFilters, termFiltersQuery } from '@/lib/term-filters'

type Args = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#']

export async function generateMetadata({ searchParams }: Args): Promise<Metadata> {
  const content = await getSiteContent()
  const filters = readTermFilters(await searchParams, content)
  return {
    ...termIndexMetadata(content.terms.length),
    robots: hasTermFilters(filters) ? { index: false, follow: true } : undefined,
  }
}

export default async function TermIndexPage({ searchParams }: Args) {
  const content = await getSiteContent()
  const filters = readTermFilters(await searchParams, content)
  const terms = filterTerms(content.terms, filters)
  const groups = groupTermsByLetter(terms)
  const present = new Set(groups.map((group) => group.letter))
  const query = termFiltersQuery(filters)

  return (
    <>
      <JsonLd data={termIndexStructuredData(content.terms)} />
      <Breadcrumbs trail={termIndexBreadcrumbs()} />
      <h1>A–Z index</h1>
      <p className="mt-2 mb-6 text-muted" role="status">
        {hasTermFilters(filters)
          ? `${terms.length} of ${content.terms.length} terms match these filters.`
          : `${content.terms.length} terms.`}
      </p>
      <TermFilterForm
        action="/terms"
        content={content}
        filters={filters}
        fields={['category', 'difficulty', 'provider']}
        countTerms={(field, value) =>
          filterTerms(content.terms, {
            categories: field === 'category' ? [value] : [],
            difficulties: field === 'difficulty' ? [value] : [],
            providers: field === 'provider' ? [value] : [],
          }).length
        }
      />
      <nav aria-label="Letters" className="no-print sticky top-0 z-10 -mx-4 mb-6 bg-page px-4 py-2 sm:mx-0 sm:px-0">
        <ul className="flex flex-wrap gap-1">
          {LETTERS.map((letter) => (
            <li key={letter}>
              {present.has(letter) ? (
                <a
                  href={`${query ? `?${query}` : ''}#letter-${letter === '#' ? 'other' : letter}`}
                  className="grid h-9 w-9 place-items-center rounded-md border border-line bg-surface font-semibold text-ink no-underline hover:bg-sunken"
                >
                  {letter}
                </a>
              ) : (
                <span className="grid h-9 w-9 place-items-center rounded-md text-muted" aria-hidden="true">
                  {letter}
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {groups.length === 0 ? (
        <p>
          No term matches these filters. <a href="/terms">Show all terms</a>.
        </p>
      ) : null}
      {groups.map((group) => {
        const id = `letter-${group.letter === '#' ? 'other' : group.letter}`
        return (
          <section key={group.letter} aria-labelledby={id} className="render-when-visible mb-8 scroll-mt-16">
            <h2 id={id} className="mb-3 border-b border-line pb-1">
              {group.letter}
            </h2>
            <ul className="grid gap-3 md:grid-cols-2">
              {group.terms.map((term) => (
                <li key={term.slug} className="card">
                  <a href={`/terms/${term.slug}`} className="text-lg font-semibold">
                    {term.title}
                  </a>
                  <p className="text-sm text-muted">
                    {term.category ? `${term.category.name} · ` : ''}
                    {difficultyLabel(term.difficulty)}
                  </p>
                  <p className="mt-1">{termMetaDescription(term)}</p>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </>
  )
}
