// The position-based reads behind the v1 lists, on a glossary of a few thousand generated terms: following
// the pages to the end gives every published term exactly once in the order asked for, each page is one
// bounded query, filters hold, and terms removed or added between two pages never make an unchanged
// term be skipped or repeated (which page numbers would).
import type { Payload, Where } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  findPublishedTermsAfter,
  KEYSET_ORDERS,
  type KeysetOrder,
  type ListPosition,
} from '@/site-data/published-terms'

import { insertGeneratedGlossary, publishedInTitleOrder, type GeneratedGlossary } from './support/generated-terms'
import { getTestPayload } from './support/harness'

const TERM_COUNT = 2_500
const PAGE = 97

let payload: Payload
let glossary: GeneratedGlossary

beforeAll(async () => {
  payload = await getTestPayload()
  glossary = await insertGeneratedGlossary(payload, TERM_COUNT)
}, 120_000)

afterEach(() => {
  vi.restoreAllMocks()
})

/** Every page of a list, followed from the first to the last; `between` runs after each page. */
async function followPages(
  order: KeysetOrder,
  where: Where = {},
  between: (page: number) => Promise<void> = async () => {},
) {
  const slugs: string[] = []
  let after: ListPosition | null = null
  for (let page = 1; page < 1_000; page += 1) {
    const { docs, end }: { docs: { slug: string }[]; end: ListPosition | null } = await findPublishedTermsAfter(
      payload,
      { where, order, after, limit: PAGE, select: { title: true } },
    )
    slugs.push(...docs.map((term) => term.slug))
    if (!end) return slugs
    expect(docs).toHaveLength(PAGE)
    after = end
    await between(page)
  }
  throw new Error('the pages never ended')
}

describe('reading published terms by position', () => {
  it('gives every published term once, in title order, then in the reverse order', async () => {
    const expected = publishedInTitleOrder(glossary).map((term) => term.slug)
    expect(expected.length).toBeGreaterThan(2_000)
    expect(await followPages('title')).toEqual(expected)
    expect(await followPages('-title')).toEqual([...expected].reverse())
  })

  it('orders by time of the last change, both ways', async () => {
    const byChange = [...glossary.terms.values()]
      .filter((term) => term.published)
      .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.slug < b.slug ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1))
      .map((term) => term.slug)
    expect(await followPages('updatedAt')).toEqual(byChange)
    expect(await followPages('-updatedAt')).toEqual([...byChange].reverse())
  })

  it('breaks ties of the sort key by slug, so terms with one title are each listed once across pages', async () => {
    const slugs: string[] = []
    for (let copy = 1; copy <= 7; copy += 1) {
      const created = await payload.create({
        collection: 'terms',
        data: {
          title: 'Same Title Twice Over',
          slug: `same-title-${copy}`,
          definition: 'A tie.',
          category: [...glossary.categoryIds.values()][0],
          difficulty: 'beginner',
          _status: 'published',
        } as never,
        context: { skipAudit: true },
      })
      slugs.push(created.slug)
    }
    for (const order of ['title', '-title'] as const) {
      const listed: string[] = []
      let after: ListPosition | null = null
      do {
        const page: { docs: { slug: string }[]; end: ListPosition | null } = await findPublishedTermsAfter(payload, {
          where: { title: { equals: 'Same Title Twice Over' } },
          order,
          after,
          limit: 2,
          select: {},
        })
        listed.push(...page.docs.map((term) => term.slug))
        after = page.end
      } while (after)
      expect(listed).toEqual(order === 'title' ? [...slugs].sort() : [...slugs].sort().reverse())
    }
  })

  it('reads each page with one query of one more term than the page holds, with the fields asked for', async () => {
    const find = vi.spyOn(payload, 'find')
    await findPublishedTermsAfter(payload, {
      where: {},
      order: 'title',
      after: { key: 'm', slug: 'm' },
      limit: 40,
      select: { title: true },
    })
    const calls = find.mock.calls.map(([args]) => args).filter((args) => args.collection === 'terms')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ limit: 41, pagination: false, depth: 0, draft: false, overrideAccess: false })
    expect(calls[0]!.select).toEqual({ title: true, slug: true, sortTitle: true })
  })

  it('keeps filters across pages: category, difficulty, a provider with a service, changed since', async () => {
    const [categorySlug, categoryId] = [...glossary.categoryIds][1]!
    const ociId = glossary.providerIds.get('oci')!
    const since = [...glossary.terms.values()].map((term) => term.updatedAt).sort()[TERM_COUNT - 600]!
    const where: Where = {
      and: [
        { category: { equals: categoryId } },
        { difficulty: { equals: 'intermediate' } },
        { providersWithService: { in: [ociId] } },
        { updatedAt: { greater_than_equal: since } },
      ],
    }
    const expected = publishedInTitleOrder(
      glossary,
      (term) =>
        term.category === categorySlug &&
        term.difficulty === 'intermediate' &&
        term.servicedBy.includes('oci') &&
        term.updatedAt >= since,
    ).map((term) => term.slug)
    expect(expected.length).toBeGreaterThan(3)
    expect(await followPages('title', where)).toEqual(expected)
  })

  it('never skips or repeats an unchanged term when others are removed or added between pages', async () => {
    const before = publishedInTitleOrder(glossary).map((term) => term.slug)
    const unpublished = new Set<string>()
    const added = new Set<string>()
    const seen = await followPages('title', {}, async (page) => {
      // Unpublish two terms of pages already read and one ahead; publish a new term on a page already read.
      const behind = before[page * PAGE - 5]!
      const ahead = before[page * PAGE + 150]
      for (const slug of [behind, before[page * PAGE - 60]!, ...(ahead ? [ahead] : [])]) {
        if (unpublished.has(slug)) continue
        await payload.update({
          collection: 'terms',
          where: { slug: { equals: slug } },
          data: { _status: 'draft' } as never,
          context: { skipAudit: true },
        })
        unpublished.add(slug)
      }
      const title = `${before[page * PAGE - 30]!.replaceAll('-', ' ')} extra ${page}`
      const created = await payload.create({
        collection: 'terms',
        data: {
          title,
          definition: 'Added between pages.',
          category: [...glossary.categoryIds.values()][0],
          difficulty: 'beginner',
          _status: 'published',
        } as never,
        context: { skipAudit: true },
      })
      added.add(created.slug)
    })
    const unchanged = before.filter((slug) => !unpublished.has(slug))
    const generated = new Set(before)
    const seenUnchanged = seen.filter((slug) => generated.has(slug) && !unpublished.has(slug))
    expect(seen.filter((slug) => added.has(slug)).length).toBeLessThan(added.size)
    expect(seenUnchanged).toEqual(unchanged)
    expect(new Set(seen).size).toBe(seen.length)
    expect(unpublished.size).toBeGreaterThan(40)
  })
})

it('has an order for each sort the API offers', () => {
  expect(Object.keys(KEYSET_ORDERS)).toEqual(['title', '-title', 'updatedAt', '-updatedAt'])
})
