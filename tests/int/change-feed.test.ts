// The v1 change feed read from a real Payload: a consumer that starts from nothing and applies each item
// ends with exactly the published glossary, whatever happened while it read; pages are keyset pages that
// survive deletions; a row is listed only once it has settled; bad cursors and limits are refused.
import fc from 'fast-check'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { decodeCursor, encodeCursor, type FeedCursor } from '@/api-v1/change-cursor'
import { readFeedPage, type FeedPage } from '@/api-v1/change-feed'
import { answerChanges, FULL_PAGE_CACHE_CONTROL, LAST_PAGE_CACHE_CONTROL } from '@/api-v1/change-routes'
import type { V1Change, V1ChangePage } from '@/api-v1/change-schema'
import type { Category, Term } from '@/payload-types'
import { termIdTag } from '@/site-cache/cache-tags'

import { createTermQuietly, getTestPayload, QUIET } from './support/harness'

const NO_SETTLE = { settleMs: 0 }

let payload: Payload
let category: Category
let termCount = 0

const publishTerm = (title = `Feed Term ${++termCount}`) => createTermQuietly(payload, { title, category })

/** A consumer of the feed: its cursor and its copy of the published terms (id → slug). */
class Consumer {
  cursor: FeedCursor | null = null
  readonly terms = new Map<string, string>()
  items = 0

  apply(item: V1Change): void {
    this.items += 1
    if (item.collection !== 'terms') return
    if (item.change === 'published' || item.change === 'updated') this.terms.set(item.id, item.slug!)
    else this.terms.delete(item.id)
  }

  async readPage(limit: number, settleMs = 0): Promise<boolean> {
    const page = await readFeedPage(payload, this.cursor, { limit, settleMs })
    for (const { item } of page.entries) this.apply(item)
    this.cursor = page.next
    return page.hasMore
  }

  async followToTheEnd(limit = 50): Promise<void> {
    while (await this.readPage(limit));
  }
}

async function publishedTerms(): Promise<Map<string, string>> {
  const { docs } = await payload.find({
    collection: 'terms',
    overrideAccess: false,
    draft: false,
    pagination: false,
    depth: 0,
    select: { slug: true },
  })
  return new Map(docs.map((term) => [String(term.id), term.slug]))
}

const get = (search: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1/api/v1/changes${search}`, { headers })

beforeAll(async () => {
  payload = await getTestPayload()
  category = await payload.create({ collection: 'categories', data: { name: 'Feeds', slug: 'feeds' }, ...QUIET })
})

describe('the snapshot phase', () => {
  it('lists every published document once, by keyset pages that a deletion between pages does not shift', async () => {
    const terms: Term[] = []
    for (let n = 0; n < 6; n += 1) terms.push(await publishTerm())
    const byId = terms.map((term) => String(term.id)).sort()

    const first = await readFeedPage(payload, null, { limit: 2, ...NO_SETTLE })
    expect(first.entries.map((entry) => entry.item.id)).toEqual(byId.slice(0, 2))
    expect(first.hasMore).toBe(true)
    // The second term, already listed, goes: an offset page would now start at the fourth and skip the third.
    await payload.delete({ collection: 'terms', id: byId[1]!, ...QUIET })
    const second = await readFeedPage(payload, first.next, { limit: 2, ...NO_SETTLE })
    expect(second.entries.map((entry) => entry.item.id)).toEqual(byId.slice(2, 4))

    const rest = await readFeedPage(payload, second.next, { limit: 50, ...NO_SETTLE })
    const listed = rest.entries.map(({ item }) => [item.collection, item.id, item.change])
    expect(listed.slice(0, 3)).toEqual(
      byId
        .slice(4)
        .map((id) => ['terms', id, 'published'])
        .concat([['categories', String(category.id), 'published']]),
    )
    // The deletion happened during the snapshot: the log phase, which starts where the snapshot began, tells it.
    expect(listed).toContainEqual(['terms', byId[1], 'deleted'])
    expect(rest.hasMore).toBe(false)
  })

  it('lists a term that was never published nowhere', async () => {
    const draft = await payload.create({
      collection: 'terms',
      data: { title: 'Feed Draft', definition: 'Draft.', category: category.id, difficulty: 'beginner' } as never,
      draft: true,
      ...QUIET,
    })
    const consumer = new Consumer()
    await consumer.followToTheEnd()
    expect(consumer.terms.has(String(draft.id))).toBe(false)
    expect(consumer.terms).toEqual(await publishedTerms())
  })
})

describe('the settle delay', () => {
  it('leaves a row newer than the delay out, and lists it once it is older', async () => {
    const consumer = new Consumer()
    await consumer.followToTheEnd()
    const term = await publishTerm()
    const now = new Date()
    const early = await readFeedPage(payload, consumer.cursor, { limit: 10, settleMs: 5_000, now })
    expect(early.entries).toEqual([])
    expect(early.hasMore).toBe(false)
    const later = await readFeedPage(payload, early.next, {
      limit: 10,
      settleMs: 5_000,
      now: new Date(now.getTime() + 6_000),
    })
    expect(later.entries.map(({ item }) => [item.id, item.change])).toEqual([[String(term.id), 'published']])
  })

  it('still lists a row committed after a newer one was read, which a feed without the delay would pass over', async () => {
    const logRow = (documentId: string, secondsAgo: number, now: Date) =>
      payload.create({
        collection: 'content-changes',
        data: {
          sourceCollection: 'terms',
          documentId,
          tags: `term-id:${documentId}`,
          event: 'updated',
          documentSlug: documentId,
          createdAt: new Date(now.getTime() - secondsAgo * 1_000).toISOString(),
        },
        overrideAccess: true,
      })
    // Read as if an hour from now: both rows are newer than any row written before, and no later test of
    // this file, reading at the real time, sees them settle.
    const now = new Date(Date.now() + 3_600_000)
    const hasty = new Consumer()
    const patient = new Consumer()
    await hasty.followToTheEnd()
    await patient.followToTheEnd()
    await logRow('committed-first', 1, now)
    const hastyPage = await readFeedPage(payload, hasty.cursor, { limit: 10, settleMs: 0, now })
    const patientPage = await readFeedPage(payload, patient.cursor, { limit: 10, settleMs: 5_000, now })
    // A transaction that began earlier commits now: its row is older than the one both consumers asked after.
    await logRow('committed-late', 3, now)
    const later = new Date(now.getTime() + 6_000)
    const hastyNext = await readFeedPage(payload, hastyPage.next, { limit: 10, settleMs: 0, now: later })
    const patientNext = await readFeedPage(payload, patientPage.next, { limit: 10, settleMs: 5_000, now: later })
    const ids = (...pages: FeedPage[]) => pages.flatMap((page) => page.entries.map(({ item }) => item.id))
    expect(ids(hastyPage, hastyNext)).toEqual(['committed-first'])
    expect(ids(patientPage, patientNext)).toEqual(['committed-late', 'committed-first'])
  })

  it('starts a new consumer’s log before rows that have not settled, so they come after its snapshot', async () => {
    const term = await publishTerm()
    const now = new Date()
    const consumer = new Consumer()
    let page = await readFeedPage(payload, null, { limit: 500, settleMs: 5_000, now })
    // The snapshot lists the term (it is published) and the log, not yet settled, does not.
    expect(page.entries.filter(({ item }) => item.id === String(term.id)).map(({ item }) => item.change)).toEqual([
      'published',
    ])
    consumer.cursor = page.next
    page = await readFeedPage(payload, consumer.cursor, {
      limit: 500,
      settleMs: 5_000,
      now: new Date(now.getTime() + 6_000),
    })
    expect(page.entries.map(({ item }) => [item.id, item.change])).toContainEqual([String(term.id), 'published'])
  })
})

type Operation =
  | { kind: 'create' }
  | { kind: 'edit' | 'draft' | 'unpublish' | 'republish' | 'delete' | 'rename'; pick: number }
  | { kind: 'read'; consumer: 0 | 1; limit: number }

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'create' as const }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'edit' as const,
        'draft' as const,
        'unpublish' as const,
        'republish' as const,
        'delete' as const,
        'rename' as const,
      ),
      pick: fc.nat(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('read' as const),
      consumer: fc.constantFrom(0 as const, 1 as const),
      limit: fc.integer({ min: 1, max: 7 }),
    }),
  },
)

describe('a consumer following the feed', () => {
  it('ends with exactly the published terms, whatever changes between and during its reads', async () => {
    let runs = 0
    let operations = 0
    let renames = 0
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 40, maxLength: 70 }), async (ops) => {
        runs += 1
        const early = new Consumer()
        await early.followToTheEnd()
        // The second consumer starts from nothing in the middle of the run: its snapshot is read while terms change.
        const late = new Consumer()
        const live: string[] = []
        const published = new Set<string>()
        for (const op of ops) {
          operations += 1
          // A draft is saved over a published term only: the workflow refuses a draft save that would unpublish.
          const candidates = op.kind === 'draft' ? live.filter((id) => published.has(id)) : live
          const id = 'pick' in op && candidates.length > 0 ? candidates[op.pick % candidates.length]! : undefined
          switch (op.kind) {
            case 'create': {
              const created = String((await publishTerm()).id)
              live.push(created)
              published.add(created)
              break
            }
            case 'read':
              await (op.consumer === 0 ? early : late).readPage(op.limit)
              break
            default:
              if (!id) break
              if (op.kind === 'delete') {
                await payload.delete({ collection: 'terms', id, ...QUIET })
                live.splice(live.indexOf(id), 1)
                published.delete(id)
              } else if (op.kind === 'edit') {
                await payload.update({
                  collection: 'terms',
                  id,
                  data: { definition: `Edited ${operations}.` },
                  ...QUIET,
                })
              } else if (op.kind === 'draft') {
                await payload.update({
                  collection: 'terms',
                  id,
                  data: { slug: `draft-slug-${operations}` },
                  draft: true,
                  ...QUIET,
                })
              } else if (op.kind === 'unpublish') {
                await payload.update({ collection: 'terms', id, data: { _status: 'draft' }, ...QUIET })
                published.delete(id)
              } else if (op.kind === 'republish') {
                await payload.update({ collection: 'terms', id, data: { _status: 'published' }, ...QUIET })
                published.add(id)
              } else {
                renames += 1
                published.add(id)
                await payload.update({
                  collection: 'terms',
                  id,
                  data: { slug: `renamed-${runs}-${operations}`, _status: 'published' },
                  ...QUIET,
                })
              }
          }
        }
        await early.followToTheEnd(7)
        await late.followToTheEnd(7)
        const expected = await publishedTerms()
        expect(early.terms).toEqual(expected)
        expect(late.terms).toEqual(expected)
        process.stdout.write(
          `convergence run ${runs}: ${ops.length} operations, early consumer ${early.items} items, late consumer ${late.items} items, ${expected.size} published terms at the end\n`,
        )
      }),
      { seed: 20261202, numRuns: 3, endOnFailure: true },
    )
    process.stdout.write(`convergence: ${runs} runs, ${operations} operations (${renames} renames)\n`)
  })
})

describe('GET /api/v1/changes', () => {
  it('answers a page with the documented shape, a strong ETag, 304, and the tags of what it lists', async () => {
    const response = await answerChanges(get('?limit=3'), payload, NO_SETTLE)
    expect(response.status).toBe(200)
    const body = (await response.json()) as V1ChangePage
    expect(body.items).toHaveLength(3)
    expect(body.hasMore).toBe(true)
    expect(response.headers.get('cache-tag')).toBe(body.items.map((item) => termIdTag(item.id)).join(','))
    // A snapshot page can change as documents do: caches ask again each time.
    expect(response.headers.get('cache-control')).toBe(LAST_PAGE_CACHE_CONTROL)
    const etag = response.headers.get('etag')!
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    const again = await answerChanges(get('?limit=3', { 'if-none-match': etag }), payload, NO_SETTLE)
    expect(again.status).toBe(304)
  })

  it('marks a full page of the log as unchanging, and the last page as one to ask for again', async () => {
    const consumer = new Consumer()
    await consumer.followToTheEnd()
    const from = encodeCursor(consumer.cursor!)
    await publishTerm()
    await publishTerm()
    const full = await answerChanges(get(`?since=${from}&limit=1`), payload, NO_SETTLE)
    expect(full.headers.get('cache-control')).toBe(FULL_PAGE_CACHE_CONTROL)
    const fullBody = (await full.json()) as V1ChangePage
    expect(fullBody.hasMore).toBe(true)
    const last = await answerChanges(get(`?since=${fullBody.next}&limit=1`), payload, NO_SETTLE)
    const lastBody = (await last.json()) as V1ChangePage
    expect(lastBody).toMatchObject({ hasMore: false, items: [{ change: 'published' }] })
    expect(last.headers.get('cache-control')).toBe(LAST_PAGE_CACHE_CONTROL)
    const quiet = await answerChanges(get(`?since=${lastBody.next}`), payload, NO_SETTLE)
    expect(await quiet.json()).toEqual({ items: [], next: lastBody.next, hasMore: false })
  })

  it('names the collections instead of the documents when the documents’ tags would not fit a proxy’s header buffer', async () => {
    for (let n = 0; n < 25; n += 1) await publishTerm()
    const response = await answerChanges(get('?limit=500'), payload, NO_SETTLE)
    const body = (await response.json()) as V1ChangePage
    expect(body.items.filter((item) => item.collection === 'terms').length).toBeGreaterThanOrEqual(25)
    expect(body.items.filter((item) => item.collection === 'providers')).toEqual([])
    expect(response.headers.get('cache-tag')).toBe('term-lists,categories')
    const small = await answerChanges(get('?limit=5'), payload, NO_SETTLE)
    expect(small.headers.get('cache-tag')).toMatch(/^term-id:[^,]+(,term-id:[^,]+){4}$/)
  })

  async function refusedParameter(search: string): Promise<{ detail: string; parameters: { name: string }[] }> {
    const response = await answerChanges(get(search), payload, NO_SETTLE)
    expect(response.status, search).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    return response.json()
  }

  it('refuses a malformed or tampered cursor with a 400 naming since', async () => {
    const page = (await (await answerChanges(get('?limit=1'), payload, NO_SETTLE)).json()) as V1ChangePage
    const decoded = decodeCursor(page.next)
    if (!('cursor' in decoded)) throw new Error('the feed gave out a cursor it does not read')
    const tampered = [
      'not a cursor',
      '%%%',
      page.next.slice(0, -3),
      `${page.next}A`,
      Buffer.from('{"v":1,"phase":"log"}').toString('base64url'),
      encodeCursor({ ...decoded.cursor, v: 2 } as never),
      Buffer.from(JSON.stringify({ ...decoded.cursor, extra: true })).toString('base64url'),
      Buffer.from(JSON.stringify({ v: 1, phase: 'log', after: { at: 'yesterday', id: 'x' } })).toString('base64url'),
      Buffer.from(JSON.stringify({ v: 1, phase: 'snapshot', collection: 'users', after: null, log: null })).toString(
        'base64url',
      ),
      'A'.repeat(600),
    ]
    for (const since of tampered) {
      const problem = await refusedParameter(`?since=${encodeURIComponent(since)}`)
      expect(
        problem.parameters.map((parameter) => parameter.name),
        since,
      ).toEqual(['since'])
    }
    expect((await refusedParameter(`?since=${page.next}&since=${page.next}`)).parameters).toEqual([
      { name: 'since', message: 'must be given once' },
    ])
  })

  it('takes a limit from 1 to 500 and refuses any other with a 400 naming limit', async () => {
    for (const limit of ['0', '501', '-1', '1.5', 'ten', '', '00000000001']) {
      const problem = await refusedParameter(`?limit=${limit}`)
      expect(
        problem.parameters.map((parameter) => parameter.name),
        limit,
      ).toEqual(['limit'])
    }
    for (const limit of ['1', '500'])
      expect((await answerChanges(get(`?limit=${limit}`), payload, NO_SETTLE)).status).toBe(200)
  })

  it('refuses a parameter it does not know', async () => {
    const problem = await refusedParameter('?cursor=abc')
    expect(problem.parameters).toEqual([{ name: 'cursor', message: 'not a parameter of this endpoint' }])
  })
})
