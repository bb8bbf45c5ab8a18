// The A–Z index: how many published terms each letter holds (one count per letter), one page of a
// letter, and one page of the terms matching the filters. Letter pages are cached per letter and page;
// filtered pages are read per request, one page at a time.
import type { Payload, Where } from 'payload'

import { DIFFICULTIES } from '@/content-format/types'
import { cachedRead } from '@/site-cache/cached-read'
import { CATEGORY_LIST_TAG, letterTag, TERM_LISTS_TAG } from '@/site-cache/cache-tags'
import { getPayloadClient } from '@/site-data/payload-client'
import { INDEX_LETTERS, type IndexLetter } from '@/routes/site-routes'

import {
  countPublishedTerms,
  findPublishedTerms,
  TERM_LIST_SELECT,
  toTermListEntry,
  type ListPage,
  type TermListEntry,
} from './published-terms'
import { categoryRefsById, getCategories, readCategories, type CategorySummary } from './taxonomy'

/**
 * Fifty entries with their summaries keep a page near 70 KB of HTML: at a hundred, a full letter page of a
 * large glossary was 130 KB and took half again as long to serve as the same page of a small one.
 */
export const TERMS_PER_INDEX_PAGE = 50

export type LetterCount = { letter: IndexLetter; count: number }

export async function readLetterCounts(payload: Payload): Promise<LetterCount[]> {
  const counts = await Promise.all(
    INDEX_LETTERS.map((letter) => countPublishedTerms(payload, { indexLetter: { equals: letter } })),
  )
  return INDEX_LETTERS.map((letter, index) => ({ letter, count: counts[index]! }))
}

/** One page of the terms matching `where`, across all letters in title order (see termFiltersWhere). */
export async function readFilteredTerms(
  payload: Payload,
  where: Where,
  page: number,
  categories: readonly CategorySummary[],
): Promise<ListPage<TermListEntry>> {
  const result = await findPublishedTerms(payload, {
    where,
    page,
    perPage: TERMS_PER_INDEX_PAGE,
    select: TERM_LIST_SELECT,
  })
  const byId = categoryRefsById(categories)
  return {
    items: result.docs.map((term) => toTermListEntry(term, byId)),
    total: result.totalDocs,
    page,
    perPage: TERMS_PER_INDEX_PAGE,
  }
}

export async function readLetterPage(
  payload: Payload,
  letter: IndexLetter,
  page: number,
): Promise<ListPage<TermListEntry>> {
  return readFilteredTerms(payload, { indexLetter: { equals: letter } }, page, await readCategories(payload))
}

export type DifficultyCounts = Record<string, number>

export async function readDifficultyCounts(payload: Payload): Promise<DifficultyCounts> {
  const counts = await Promise.all(
    DIFFICULTIES.map((level) => countPublishedTerms(payload, { difficulty: { equals: level } })),
  )
  return Object.fromEntries(DIFFICULTIES.map((level, index) => [level, counts[index]!]))
}

// Cached reads for the pages. Counts change with any term; a letter's page with the terms filed under
// that letter (a retitled term refreshes its old letter and its new one) and with category names.

export function getPublishedTermCount(): Promise<number> {
  return cachedRead(['published-term-count'], [TERM_LISTS_TAG], async () =>
    countPublishedTerms(await getPayloadClient()),
  )
}

export function getLetterCounts(): Promise<LetterCount[]> {
  return cachedRead(['letter-counts'], [TERM_LISTS_TAG], async () => readLetterCounts(await getPayloadClient()))
}

export function getLetterPage(letter: IndexLetter, page: number): Promise<ListPage<TermListEntry>> {
  return cachedRead(['letter-page', letter, page], [letterTag(letter), CATEGORY_LIST_TAG], async () =>
    readLetterPage(await getPayloadClient(), letter, page),
  )
}

export function getDifficultyCounts(): Promise<DifficultyCounts> {
  return cachedRead(['difficulty-counts'], [TERM_LISTS_TAG], async () => readDifficultyCounts(await getPayloadClient()))
}

/** The filtered view is rendered per request: its page of terms is read fresh, never cached per filter. */
export async function findFilteredTerms(where: Where, page: number): Promise<ListPage<TermListEntry>> {
  return readFilteredTerms(await getPayloadClient(), where, page, await getCategories())
}
