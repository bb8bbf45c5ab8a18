// The search page's results, a page at a time: the same ranking as one long list, cut into pages of
// SEARCH_RESULTS_PER_PAGE, with a next page only when more results exist, and no page past the last allowed.
import { beforeAll, describe, expect, it } from 'vitest'

import { MAX_SEARCH_PAGES, SEARCH_RESULTS_PER_PAGE, searchResultsPage } from '@/search/search-results-page'
import { searchTerms } from '@/search/search-terms'
import { buildTermSearchIndex, type SearchableTerm, type TermSearchIndex } from '@/search/term-search-index'

import { readSeedSearchTerms } from './support/seed-search-terms'

const slugs = (hits: { slug: string }[]) => hits.map((hit) => hit.slug)

describe('search results a page at a time (seeded glossary)', () => {
  let index: TermSearchIndex
  beforeAll(async () => {
    index = buildTermSearchIndex(await readSeedSearchTerms())
  })

  it('cuts the ranked list into pages: "cloud" matches 41 terms, shown 20, 20 and 1', async () => {
    const all = slugs(await searchTerms(index, 'cloud', { limit: 500 }))
    expect(all).toHaveLength(41)
    const pages = await Promise.all([1, 2, 3].map((page) => searchResultsPage(index, 'cloud', page)))
    expect(pages.map((page) => page.hits.length)).toEqual([20, 20, 1])
    expect(pages.map((page) => page.hasNextPage)).toEqual([true, true, false])
    expect(pages.map((page) => page.firstPosition)).toEqual([1, 21, 41])
    expect(pages.flatMap((page) => slugs(page.hits))).toEqual(all)
  })

  it('has no next page when every match fits on the first', async () => {
    const page = await searchResultsPage(index, 'managed')
    expect(page.hits.length).toBeGreaterThan(0)
    expect(page.hits.length).toBeLessThanOrEqual(SEARCH_RESULTS_PER_PAGE)
    expect(page.hasNextPage).toBe(false)
  })

  it('shows an empty page past the last result, without did-you-mean', async () => {
    const page = await searchResultsPage(index, 'cloud', 4)
    expect(page).toMatchObject({ page: 4, hits: [], hasNextPage: false, didYouMean: [] })
  })

  it('offers close titles only on a first page with no match', async () => {
    const first = await searchResultsPage(index, 'loadbalancr')
    expect(first.hits).toEqual([])
    expect(first.didYouMean.map((term) => term.slug)).toContain('load-balancer')
    expect((await searchResultsPage(index, 'loadbalancr', 2)).didYouMean).toEqual([])
  })

  it('answers an empty query with nothing, on page 1', async () => {
    expect(await searchResultsPage(index, '   ', 3)).toMatchObject({ query: '', page: 1, hits: [], hasNextPage: false })
  })
})

describe('search results pages are bounded', () => {
  const many: SearchableTerm[] = Array.from({ length: 400 }, (_, n) => ({
    id: String(n),
    title: `Queue ${n}`,
    slug: `queue-${n}`,
    definition: 'A queue that holds messages.',
    aliases: [],
    category: null,
    providerEquivalents: [],
    faqs: [],
  }))
  const index = buildTermSearchIndex(many)

  it(`stops at page ${MAX_SEARCH_PAGES}: no next link there, and a later page shows that one`, async () => {
    const last = await searchResultsPage(index, 'queue', MAX_SEARCH_PAGES)
    expect(last.hits).toHaveLength(SEARCH_RESULTS_PER_PAGE)
    expect(last.hasNextPage).toBe(false)
    const beyond = await searchResultsPage(index, 'queue', 10_000)
    expect(beyond.page).toBe(MAX_SEARCH_PAGES)
    expect(slugs(beyond.hits)).toEqual(slugs(last.hits))
  })

  it('brings nonsense page numbers back to page 1', async () => {
    for (const asked of [0, -3, Number.NaN]) expect((await searchResultsPage(index, 'queue', asked)).page).toBe(1)
  })
})
