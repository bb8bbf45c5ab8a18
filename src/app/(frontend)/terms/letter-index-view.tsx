// One page of one letter of the A–Z index, shared by /terms (A, page 1), /terms/letter/<x> and
// /terms/letter/<x>/<n>. It reads no request data, so each page is rendered once and served from Next's
// rendering cache until a term under its letter (or a count it shows) changes.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { JsonLd } from '@/components/site/json-ld'
import { LetterNav } from '@/components/site/letter-nav'
import { PaginationNav } from '@/components/site/pagination-nav'
import { TermFilterForm } from '@/components/site/term-filter-form'
import { TermIndexEntries } from '@/components/site/term-index-entries'
import { letterBreadcrumbs } from '@/seo/breadcrumbs'
import { termIndexMetadata } from '@/seo/page-metadata'
import { pageCount, pageExists, pageRange } from '@/site-data/pagination'
import { letterPath, TERM_INDEX_PATH, type IndexLetter } from '@/routes/site-routes'
import { termIndexStructuredData } from '@/seo/structured-data'
import { NO_TERM_FILTERS } from '@/site-data/term-filters'
import { getTermFilterChoices } from '@/site-data/filter-options'
import type { ListPage, TermListEntry } from '@/site-data/published-terms'
import { getLetterCounts, getLetterPage, getPublishedTermCount, TERMS_PER_INDEX_PAGE } from '@/site-data/term-index'

/** The letter's page, or a 404 for a page past its last. */
async function readLetterIndex(letter: IndexLetter, page: number) {
  const [counts, total] = await Promise.all([getLetterCounts(), getPublishedTermCount()])
  const inLetter = counts.find((count) => count.letter === letter)?.count ?? 0
  if (!pageExists(page, inLetter, TERMS_PER_INDEX_PAGE)) notFound()
  const [entries, choices] = await Promise.all([getLetterPage(letter, page), getTermFilterChoices()])
  return { counts, total, entries, choices }
}

export async function letterIndexMetadata(letter: IndexLetter, page: number): Promise<Metadata> {
  return termIndexMetadata(await getPublishedTermCount(), letter, page)
}

function LetterEntries({ letter, entries }: { letter: IndexLetter; entries: ListPage<TermListEntry> }) {
  if (entries.total === 0) return <p>No term is filed under {letter} yet.</p>
  const { first, last } = pageRange(entries.page, entries.total, entries.perPage)
  const pages = pageCount(entries.total, entries.perPage)
  return (
    <>
      <TermIndexEntries
        entries={entries.items}
        caption={(heading) => (pages > 1 ? `${heading}: ${first}–${last} of ${entries.total}` : heading)}
      />
      <PaginationNav
        page={entries.page}
        pageCount={pages}
        href={(page) => letterPath(letter, page)}
        label={`Pages of ${letter}`}
      />
    </>
  )
}

export async function LetterIndexView({ letter, page }: { letter: IndexLetter; page: number }) {
  const { counts, total, entries, choices } = await readLetterIndex(letter, page)
  const crumbs = letterBreadcrumbs(letter, page)
  return (
    <>
      <JsonLd data={termIndexStructuredData(entries.items, crumbs)} />
      <Breadcrumbs trail={crumbs} />
      <h1>A–Z index</h1>
      <p className="mt-2 mb-6 text-muted" role="status">
        {total} terms.
      </p>
      <TermFilterForm action={TERM_INDEX_PATH} filters={NO_TERM_FILTERS} options={choices.options} />
      <LetterNav counts={counts} current={letter} />
      <LetterEntries letter={letter} entries={entries} />
    </>
  )
}
