// The reads behind the public list pages, on a glossary of a few thousand generated terms: each shows
// published terms only, reads one page at a time with only the fields it shows, counts with count
// queries, and gives the same answers as working them out from the whole glossary would.
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { termFiltersWhere, filterVocabulary } from '@/site-data/term-filters'
import { compareRowPages, readCompareRows } from '@/downloads/compare'
import { readProviderServices } from '@/site-data/provider-services'
import { readFeedTerms } from '@/seo/feed-documents'
import { readHomeRecentTerms } from '@/site-data/recent-terms'
import {
  readCategories,
  readCategoryTermCounts,
  readCategoryTerms,
  readProviders,
  readProviderServiceCounts,
} from '@/site-data/taxonomy'
import { readListPageEntries, readSitemapIndex, readTermSitemapEntries } from '@/seo/sitemap'
import { readFilteredTerms, readLetterCounts, readLetterPage, TERMS_PER_INDEX_PAGE } from '@/site-data/term-index'

import { insertGeneratedGlossary, publishedInTitleOrder, type GeneratedGlossary } from './support/generated-terms'
import { getTestPayload } from './support/harness'

const TERM_COUNT = 3_500

let payload: Payload
let glossary: GeneratedGlossary

beforeAll(async () => {
  payload = await getTestPayload()
  glossary = await insertGeneratedGlossary(payload, TERM_COUNT)
}, 120_000)

afterEach(() => {
  vi.restoreAllMocks()
})

/** Records every `find` of terms a read makes, to check each asked for one bounded page of chosen fields. */
function watchTermReads() {
  const find = vi.spyOn(payload, 'find')
  const count = vi.spyOn(payload, 'count')
  return {
    termFinds: () => find.mock.calls.map(([args]) => args).filter((args) => args.collection === 'terms'),
    countCalls: () => count.mock.calls.length,
  }
}

describe('the A–Z index reads', () => {
  it('counts the published terms of every letter, leaving drafts out', async () => {
    const counts = await readLetterCounts(payload)
    const published = publishedInTitleOrder(glossary)
    expect(counts.map(({ letter }) => letter).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ#')
    expect(counts.reduce((sum, { count }) => sum + count, 0)).toBe(published.length)
    expect(counts.find(({ letter }) => letter === 'B')!.count).toBe(
      published.filter((term) => term.title.startsWith('B')).length,
    )
  })

  it('reads one page of a letter in title order, a page of terms at a time, with one bounded query', async () => {
    const inB = publishedInTitleOrder(glossary, (term) => term.title.startsWith('B'))
    expect(inB.length).toBeGreaterThan(TERMS_PER_INDEX_PAGE)
    const reads = watchTermReads()
    const second = await readLetterPage(payload, 'B', 2)
    expect(second.total).toBe(inB.length)
    const secondPage = inB.slice(TERMS_PER_INDEX_PAGE, 2 * TERMS_PER_INDEX_PAGE)
    expect(second.items.map((entry) => entry.slug)).toEqual(secondPage.map((term) => term.slug))
    expect(second.items[0]).toMatchObject({
      category: { slug: secondPage[0]!.category },
      difficulty: secondPage[0]!.difficulty,
    })
    expect(second.items[0]!.summary.length).toBeLessThanOrEqual(160)
    for (const args of reads.termFinds()) {
      expect(args.limit).toBe(TERMS_PER_INDEX_PAGE)
      expect(args.select).toBeDefined()
      expect(args.depth).toBe(0)
      expect(args.overrideAccess).toBe(false)
    }
  })

  it('reads one page of the terms matching the filters, with the total they match', async () => {
    const [categories, providers] = await Promise.all([readCategories(payload), readProviders(payload)])
    const vocabulary = filterVocabulary(categories, providers)
    const filters = { categories: ['storage'], difficulties: ['advanced'], providers: ['oci'] }
    const expected = publishedInTitleOrder(
      glossary,
      (term) => term.category === 'storage' && term.difficulty === 'advanced' && term.servicedBy.includes('oci'),
    )
    const page = await readFilteredTerms(payload, termFiltersWhere(filters, vocabulary), 1, categories)
    expect(page.total).toBe(expected.length)
    expect(page.items.map((entry) => entry.slug)).toEqual(
      expected.slice(0, TERMS_PER_INDEX_PAGE).map((term) => term.slug),
    )
    // The provider filter needs a real service: every seventh term has none on OCI.
    expect(expected.length).toBeLessThan(
      publishedInTitleOrder(glossary, (term) => term.category === 'storage' && term.difficulty === 'advanced').length,
    )
  })
})

describe('category and provider reads', () => {
  it('counts each category’s and provider’s published terms with count queries, loading no terms', async () => {
    const reads = watchTermReads()
    const [categoryCounts, providerCounts, categories, providers] = await Promise.all([
      readCategoryTermCounts(payload),
      readProviderServiceCounts(payload),
      readCategories(payload),
      readProviders(payload),
    ])
    expect(reads.termFinds()).toEqual([])
    const storage = categories.find((category) => category.slug === 'storage')!
    expect(categoryCounts[storage.id]).toBe(
      publishedInTitleOrder(glossary, (term) => term.category === 'storage').length,
    )
    const oci = providers.find((provider) => provider.slug === 'oci')!
    expect(providerCounts[oci.id]).toBe(
      publishedInTitleOrder(glossary, (term) => term.servicedBy.includes('oci')).length,
    )
  })

  it('reads a category one page at a time', async () => {
    const storage = (await readCategories(payload)).find((category) => category.slug === 'storage')!
    const inStorage = publishedInTitleOrder(glossary, (term) => term.category === 'storage')
    const third = await readCategoryTerms(payload, storage, 3)
    expect(third.total).toBe(inStorage.length)
    expect(third.items.map((entry) => entry.slug)).toEqual(
      inStorage.slice(third.perPage * 2, third.perPage * 3).map((term) => term.slug),
    )
  })

  it('lists a provider’s rows in title order, "no equivalent" included, and counts only real services', async () => {
    const oci = (await readProviders(payload)).find((provider) => provider.slug === 'oci')!
    const page = await readProviderServices(payload, oci, 1)
    const listing = publishedInTitleOrder(glossary)
    expect(page.total).toBe(listing.length)
    expect(page.serviceCount).toBe(publishedInTitleOrder(glossary, (term) => term.servicedBy.includes('oci')).length)
    expect(page.items.map((row) => row.term.slug)).toEqual(listing.slice(0, page.perPage).map((term) => term.slug))
    const withoutService = page.items.filter((row) => row.service === null)
    expect(withoutService.length).toBeGreaterThan(0)
    expect(withoutService.every((row) => row.matchLevel === 'none')).toBe(true)
  })
})

describe('compare reads', () => {
  it('reads a category page of the matrix with a cell per provider', async () => {
    const [categories, providers] = await Promise.all([readCategories(payload), readProviders(payload)])
    const compute = categories.find((category) => category.slug === 'compute')!
    const page = await readCompareRows(payload, compute.id, providers, 2)
    const inCompute = publishedInTitleOrder(glossary, (term) => term.category === 'compute')
    expect(page.total).toBe(inCompute.length)
    expect(page.items.map((row) => row.term.slug)).toEqual(
      inCompute.slice(page.perPage, page.perPage * 2).map((term) => term.slug),
    )
    expect(
      page.items.every((row) => row.cells.length === providers.length && row.cells.every((cell) => cell !== null)),
    ).toBe(true)
  })

  it('walks every published row of the chosen categories for a download, each once, a page of rows per query', async () => {
    const [categories, providers] = await Promise.all([readCategories(payload), readProviders(payload)])
    const chosen = categories.filter((category) => ['compute', 'storage'].includes(category.slug))
    const reads = watchTermReads()
    const seen: string[] = []
    for await (const { rows } of compareRowPages(payload, chosen, providers))
      seen.push(...rows.map((row) => row.term.slug))
    const expected = [...chosen].flatMap((category) =>
      publishedInTitleOrder(glossary, (term) => term.category === category.slug),
    )
    expect(seen).toEqual(expected.map((term) => term.slug))
    expect(reads.termFinds().every((args) => args.limit === 500 && args.select)).toBe(true)
  })
})

describe('home page and feed reads', () => {
  it('read a fixed number of the newest published terms', async () => {
    const reads = watchTermReads()
    const [home, feed] = await Promise.all([readHomeRecentTerms(payload), readFeedTerms(payload)])
    const published = publishedInTitleOrder(glossary)
    const byUpdate = [...published].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    const byCreation = [...published].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    expect(feed.map((term) => term.slug)).toEqual(byUpdate.slice(0, 30).map((term) => term.slug))
    expect(home.added.map((term) => term.slug)).toEqual(byCreation.slice(0, 6).map((term) => term.slug))
    expect(home.updated).toHaveLength(6)
    expect(home.updated.every((term) => term.updatedAt > term.createdAt)).toBe(true)
    expect(reads.termFinds().every((args) => typeof args.limit === 'number' && args.limit <= 30)).toBe(true)
  })
})

describe('sitemap reads', () => {
  it('list every published term once, in files the index names, with their last update', async () => {
    vi.stubEnv('SERVER_URL', 'https://cloudlex.test')
    const published = publishedInTitleOrder(glossary)
    const entries = await readTermSitemapEntries(payload, 1)
    expect(entries.map((entry) => entry.path)).toEqual(published.map((term) => `/terms/${term.slug}`))
    expect(entries[0]!.lastModified).toBe(published[0]!.updatedAt)
    expect(await readTermSitemapEntries(payload, 2)).toEqual([])
    const index = await readSitemapIndex(payload)
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])).toEqual([
      'https://cloudlex.test/sitemap/pages.xml',
      'https://cloudlex.test/sitemap/terms-1.xml',
    ])
    vi.unstubAllEnvs()
  })

  it('date each category page by the newest published term in it', async () => {
    const pages = new Map((await readListPageEntries(payload)).map((entry) => [entry.path, entry.lastModified]))
    const inStorage = publishedInTitleOrder(glossary, (term) => term.category === 'storage')
    const newest = inStorage
      .map((term) => term.updatedAt)
      .sort()
      .at(-1)
    expect(pages.get('/categories/storage')).toBe(newest)
    expect(pages.get('/terms/letter/b')).toBeNull()
    expect(pages.has('/providers/oci')).toBe(true)
  })
})
