// The content-changes log as the public site's caches read it: each change readers could see adds one
// row naming exactly the cache tags it makes stale, and a reader gets the rows added since its last
// read, including rows written by another Payload instance on the same database.
import config from '@payload-config'
import { commitTransaction, createLocalReq, getPayload, initTransaction, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { bulkInsertFor } from '@/db/bulk-insert'
import type { Category, Provider } from '@/payload-types'
import { readChangesSince, type ChangeCursor } from '@/site-cache/change-log'

import { getTestPayload, seedProvidersForTest } from './support/harness'

let payload: Payload
let security: Category
let storage: Category
let aws: Provider
let cursor: ChangeCursor

async function tagsSinceLastRead(): Promise<string[]> {
  const read = await readChangesSince(payload, cursor)
  if (read.kind !== 'changes') throw new Error(`expected changes, got ${read.kind}`)
  cursor = read.cursor
  return read.tags.sort()
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
  security = await payload.create({ collection: 'categories', data: { name: 'Security', slug: 'security' } })
  storage = await payload.create({ collection: 'categories', data: { name: 'Storage', slug: 'storage' } })
  aws = (await payload.find({ collection: 'providers', where: { slug: { equals: 'aws' } } })).docs[0]!
  const start = await readChangesSince(payload, null)
  expect(start.kind).toBe('start')
  cursor = start.cursor
})

describe('the content-changes log', () => {
  let termId: string | number

  it('names the term, its letter, category, providers and the glossary-wide lists when a term is published', async () => {
    const term = await payload.create({
      collection: 'terms',
      data: {
        title: 'Audit Trail',
        slug: 'audit-trail',
        definition: 'A record of every call.',
        category: security.id,
        difficulty: 'beginner',
        providerEquivalents: [{ provider: aws.id, service: 'CloudTrail' }],
        _status: 'published',
      },
    })
    termId = term.id
    expect(await tagsSinceLastRead()).toEqual(
      [
        `category-terms:${security.id}`,
        'letter:A',
        `provider-terms:${aws.id}`,
        'term-id:' + term.id,
        'term-lists',
        'term:audit-trail',
      ].sort(),
    )
  })

  it('records nothing readers could see for a draft saved over a published term', async () => {
    await payload.update({ collection: 'terms', id: termId, data: { definition: 'Work in progress.' }, draft: true })
    const read = await readChangesSince(payload, cursor)
    expect(read).toMatchObject({ kind: 'changes', rows: 0, tags: [] })
    cursor = read.cursor
  })

  it('refreshes the old address, letter and category as well as the new ones when a renamed draft is published', async () => {
    await payload.update({
      collection: 'terms',
      id: termId,
      data: { title: 'Trail of Calls', slug: 'trail-of-calls', category: storage.id },
      draft: true,
    })
    await payload.update({ collection: 'terms', id: termId, data: { _status: 'published' } })
    const tags = await tagsSinceLastRead()
    expect(tags).toEqual(
      expect.arrayContaining([
        'term:audit-trail',
        'term:trail-of-calls',
        'letter:A',
        'letter:T',
        `category-terms:${security.id}`,
        `category-terms:${storage.id}`,
      ]),
    )
  })

  it('names only the category itself when a category is renamed, not the pages of its terms', async () => {
    await payload.update({ collection: 'categories', id: security.id, data: { name: 'Safety' } })
    expect(await tagsSinceLastRead()).toEqual(['categories', `category:${security.id}`])
  })

  it('hands each row to a reader once, and sees rows another instance on the same database wrote', async () => {
    const other = await getPayload({ config, key: 'another-instance' } as Parameters<typeof getPayload>[0])
    await other.update({ collection: 'providers', id: aws.id, data: { fullName: 'Amazon Web Services (AWS)' } })
    expect(await tagsSinceLastRead()).toEqual([`provider:${aws.id}`, 'providers'].sort())
    expect(await tagsSinceLastRead()).toEqual([])
  })

  it('names the deleted term so its page and lists drop it', async () => {
    await payload.delete({ collection: 'terms', id: termId })
    expect(await tagsSinceLastRead()).toEqual(
      expect.arrayContaining(['term:trail-of-calls', `term-id:${termId}`, 'term-lists']),
    )
  })
})

describe('the window a reader reads again', () => {
  const secondsFrom = (iso: string, seconds: number) => new Date(new Date(iso).getTime() + seconds * 1000)
  const logRow = (tag: string, createdAt?: string) =>
    payload.create({
      collection: 'content-changes',
      data: { sourceCollection: 'terms', tags: tag, ...(createdAt ? { createdAt } : {}) },
      overrideAccess: true,
    })

  it('stops reading the rows of a burst again once the burst is older than the window', async () => {
    for (let n = 0; n < 30; n += 1) await logRow(`burst:${n}`)
    const burst = await readChangesSince(payload, cursor)
    expect(burst).toMatchObject({ kind: 'changes', rows: 30 })
    expect(burst.cursor.seen.size).toBeGreaterThanOrEqual(30)

    // 25 s later, the burst is outside both margins: nothing is read or kept for it any more.
    const later = await readChangesSince(payload, burst.cursor, secondsFrom(burst.cursor.readAt, 25))
    expect(later).toMatchObject({ kind: 'changes', rows: 0, tags: [] })
    expect(later.cursor.seen.size).toBe(0)
    cursor = later.cursor
  })

  it('still finds a row that a writer whose clock runs behind committed after the last read', async () => {
    const lastRead = cursor.readAt
    await logRow('late:row', secondsFrom(lastRead, -15).toISOString())
    const read = await readChangesSince(payload, cursor, secondsFrom(lastRead, 1))
    expect(read).toMatchObject({ kind: 'changes', rows: 1, tags: ['late:row'] })
  })
})

/** Log rows as a bulk write stores them: in one transaction, all with one creation time. Returns their tags. */
async function insertRowsAtOneTime(count: number, tagPrefix: string): Promise<string[]> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  const createdAt = new Date().toISOString()
  const rows = Array.from({ length: count }, (_, n) => ({
    sourceCollection: 'terms',
    tags: `${tagPrefix}:${n}`,
    createdAt,
    updatedAt: createdAt,
  }))
  await bulkInsertFor(payload).insertRows(req, 'content-changes', rows)
  await commitTransaction(req)
  return rows.map((row) => row.tags)
}

describe('a reader that starts just after a large import', () => {
  it('counts every row of the window as seen, more than one read lists, so its next read is not a flood', async () => {
    // The end of a 100,000-term import writes about 27,000 rows in 20 s; 6,000 is past one read's cap.
    await insertRowsAtOneTime(6_000, 'import')

    const start = await readChangesSince(payload, null)
    expect(start.kind).toBe('start')
    expect(start.cursor.seen.size).toBeGreaterThanOrEqual(6_000)
    expect(await readChangesSince(payload, start.cursor)).toMatchObject({ kind: 'changes', rows: 0, tags: [] })
  })

  it('reads each of thousands of rows that share one creation time exactly once', async () => {
    const start = await readChangesSince(payload, null)
    const tags = await insertRowsAtOneTime(1_234, 'tied')

    const read = await readChangesSince(payload, start.cursor)
    if (read.kind !== 'changes') throw new Error(`expected changes, got ${read.kind}`)
    expect(read.rows).toBe(1_234)
    expect(new Set(read.tags)).toEqual(new Set(tags))
  })
})
