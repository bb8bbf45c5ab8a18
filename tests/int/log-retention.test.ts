// Pruning the logs that grow with every change, on a real Payload: rows past their retention go, a
// bounded batch at a time; the newest change row, younger rows and pending deliveries stay; and no
// reader takes a pruned log for "nothing changed" (a feed cursor past pruned rows gets 410; a cache
// reader that looked too long ago treats everything as changed).
import type { Payload } from 'payload'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { encodeCursor, type FeedCursor } from '@/api-v1/change-cursor'
import { feedCursorExpired } from '@/api-v1/change-feed'
import { answerChanges } from '@/api-v1/change-routes'
import { answerChangeStream, StreamSlots } from '@/api-v1/change-stream'
import type { Problem } from '@/http/problem'
import { readChangesSince } from '@/site-cache/change-log'
import { pruneChangeLog, pruneFinishedDeliveries } from '@/site-cache/log-retention'

import { getTestPayload } from './support/harness'

const DAY_MS = 86_400_000
const RETENTION_MS = 30 * DAY_MS
const NO_SETTLE = { settleMs: 0 }

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

beforeEach(async () => {
  await payload.db.deleteMany({ collection: 'content-changes', where: { id: { exists: true } } })
  await payload.db.deleteMany({ collection: 'webhook-deliveries', where: { id: { exists: true } } })
})

const daysAgo = (days: number, ms = 0) => new Date(Date.now() - days * DAY_MS + ms).toISOString()

type LogRow = { id: string; at: string }

async function changeRow(at: string, slug = 'pruned-term'): Promise<LogRow> {
  const row = await payload.db.create({
    collection: 'content-changes',
    data: {
      sourceCollection: 'terms',
      documentId: slug,
      tags: `term:${slug}`,
      event: 'updated',
      documentSlug: slug,
      createdAt: at,
      updatedAt: at,
    },
  })
  return { id: String(row.id), at }
}

async function remainingChangeRows(): Promise<string[]> {
  const { docs } = await payload.find({
    collection: 'content-changes',
    sort: 'createdAt',
    pagination: false,
    overrideAccess: true,
  })
  return docs.map(({ createdAt }) => createdAt)
}

const logCursor = (row: LogRow): FeedCursor => ({ v: 1, phase: 'log', after: { at: row.at, id: row.id } })

describe('pruning the change log', () => {
  it('deletes rows past the retention oldest first, a bounded batch at a time, and keeps younger rows', async () => {
    for (let index = 0; index < 25; index += 1) await changeRow(daysAgo(40, index))
    const younger = [await changeRow(daysAgo(10)), await changeRow(daysAgo(2))]

    const batches = { size: 10, perRun: 2 }
    expect(await pruneChangeLog(payload, RETENTION_MS, new Date(), batches)).toEqual({ deleted: 20, more: true })
    expect(await pruneChangeLog(payload, RETENTION_MS, new Date(), batches)).toEqual({ deleted: 5, more: false })
    expect(await pruneChangeLog(payload, RETENTION_MS, new Date(), batches)).toEqual({ deleted: 0, more: false })
    expect(await remainingChangeRows()).toEqual(younger.map(({ at }) => at))
  })

  it('keeps the newest row, however old, and never prunes a row younger than a day, whatever the setting', async () => {
    await changeRow(daysAgo(50))
    const newestOld = await changeRow(daysAgo(45))
    expect(await pruneChangeLog(payload, RETENTION_MS)).toEqual({ deleted: 1, more: false })
    expect(await remainingChangeRows()).toEqual([newestOld.at])

    const hoursOld = await changeRow(daysAgo(0, -3 * 3_600_000))
    const minuteOld = await changeRow(daysAgo(0, -60_000))
    expect(await pruneChangeLog(payload, 0)).toEqual({ deleted: 1, more: false })
    expect(await remainingChangeRows()).toEqual([hoursOld.at, minuteOld.at])
  })
})

describe('pruning webhook deliveries', () => {
  it('deletes delivered and failed deliveries past the retention, and never a pending one', async () => {
    const delivery = (status: string, at: string) =>
      payload.db.create({
        collection: 'webhook-deliveries',
        data: {
          eventType: 'term.updated',
          webhookId: `msg_${status}_${at}`,
          body: '{}',
          status,
          attempts: 1,
          createdAt: at,
          updatedAt: at,
        },
      })
    await delivery('delivered', daysAgo(40))
    await delivery('failed', daysAgo(40, 1))
    const pending = await delivery('pending', daysAgo(40, 2))
    const recent = await delivery('delivered', daysAgo(5))

    expect(await pruneFinishedDeliveries(payload, RETENTION_MS)).toEqual({ deleted: 2, more: false })
    const { docs } = await payload.find({
      collection: 'webhook-deliveries',
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
    })
    expect(docs.map(({ id }) => id)).toEqual([pending.id, recent.id])
  })
})

describe('readers of a pruned log', () => {
  const changesRequest = (since: string) => new Request(`http://cloudlex.test/api/v1/changes?since=${since}`)
  const streamRequest = (lastEventId: string) =>
    new Request('http://cloudlex.test/api/v1/changes/stream', { headers: { 'last-event-id': lastEventId } })
  const streamOptions = () => ({ ...NO_SETTLE, streamLifetimeMs: 1_000, slots: new StreamSlots(2) })

  it('refuses a feed cursor whose row was pruned with 410, and serves one whose row was kept', async () => {
    const pruned = await changeRow(daysAgo(40), 'first-change')
    await changeRow(daysAgo(35), 'second-change')
    const kept = await changeRow(daysAgo(10), 'third-change')
    const latest = await changeRow(daysAgo(3), 'fourth-change')

    // Before pruning, the oldest cursor is served like any other: the refusal below is the pruning’s doing.
    const before = await answerChanges(changesRequest(encodeCursor(logCursor(pruned))), payload, NO_SETTLE)
    expect(before.status).toBe(200)
    expect((await before.json()).items.map(({ slug }: { slug: string }) => slug)).toEqual([
      'second-change',
      'third-change',
      'fourth-change',
    ])

    expect((await pruneChangeLog(payload, RETENTION_MS)).deleted).toBe(2)

    const refused = await answerChanges(changesRequest(encodeCursor(logCursor(pruned))), payload, NO_SETTLE)
    expect(refused.status).toBe(410)
    const problem = (await refused.json()) as Problem
    expect(problem.type).toBe('urn:cloudlex:problem:cursor-expired')
    expect(problem.detail).toContain('start again without a cursor')
    expect(problem.parameters).toEqual([{ name: 'since', message: 'expired' }])

    // A snapshot that began before the pruned rows would continue from them: refused too.
    const snapshot: FeedCursor = {
      v: 1,
      phase: 'snapshot',
      collection: 'providers',
      after: null,
      log: { at: pruned.at, id: pruned.id },
    }
    expect((await answerChanges(changesRequest(encodeCursor(snapshot)), payload, NO_SETTLE)).status).toBe(410)
    expect(
      (await answerChangeStream(streamRequest(encodeCursor(logCursor(pruned))), payload, streamOptions())).status,
    ).toBe(410)

    const served = await answerChanges(changesRequest(encodeCursor(logCursor(kept))), payload, NO_SETTLE)
    expect(served.status).toBe(200)
    expect((await served.json()).items.map(({ slug }: { slug: string }) => slug)).toEqual(['fourth-change'])
    expect(await feedCursorExpired(payload, logCursor(latest))).toBe(false)
  })

  it('needs no query for a cursor younger than the pruning floor', async () => {
    const recent = await changeRow(daysAgo(0, -60_000))
    let queries = 0
    const countFind = (...args: Parameters<Payload['find']>) => {
      queries += 1
      return payload.find(...args)
    }
    const counting = new Proxy(payload, {
      get: (target, key, receiver) => (key === 'find' ? countFind : Reflect.get(target, key, receiver)),
    })
    expect(await feedCursorExpired(counting, logCursor(recent))).toBe(false)
    expect(queries).toBe(0)
  })

  it('makes a cache reader that last looked more than a day ago treat everything as changed', async () => {
    const now = new Date()
    const lookedLongAgo = { watermark: daysAgo(2), readAt: daysAgo(2), seen: new Map<string, string>() }
    expect((await readChangesSince(payload, lookedLongAgo, now)).kind).toBe('overflow')

    const lookedJustNow = { watermark: daysAgo(0, -1_000), readAt: daysAgo(0, -1_000), seen: new Map<string, string>() }
    await changeRow(daysAgo(0, -500), 'just-changed')
    const read = await readChangesSince(payload, lookedJustNow, now)
    expect(read).toMatchObject({ kind: 'changes', tags: ['term:just-changed'], rows: 1 })
  })
})
