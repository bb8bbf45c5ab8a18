// The v1 change feed: what a consumer needs to keep a copy of the published glossary in step without
// reading all of it again. Without a cursor it first lists every published document (the snapshot phase),
// then the events of the content-changes log (src/site-cache/record-content-change.ts) in the order they
// were recorded (the log phase). Each item carries the cursor after it, so a page or an event stream can
// resume exactly there. Delivery is at least once: an item may come again, and applying it again is harmless.
import type { Payload, Where } from 'payload'

import { FEED_COLLECTIONS, type ChangeEvent, type FeedCollection } from '@/change-events/change-events'
import { PRUNE_FLOOR_MS } from '@/config/change-log-bounds'
import { readFirstChange } from '@/site-cache/change-log'

import type { FeedCursor, LogPosition } from './change-cursor'
import type { V1Change } from './change-schema'

export type FeedEntry = { item: V1Change; after: FeedCursor }

export type FeedPage = {
  entries: FeedEntry[]
  /** Where the next read starts: after the last entry of a full page, else past everything read. */
  next: FeedCursor
  hasMore: boolean
}

type LogRow = {
  id: string | number
  createdAt: string
  sourceCollection: FeedCollection
  documentId: string
  event: ChangeEvent
  documentSlug?: string | null
}

type ListedDocument = { id: string | number; slug?: string | null; updatedAt: string; _status?: string | null }

const isoBefore = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString()

/**
 * Rows of the log in the feed's order strictly after `after`, created no later than `settledBefore`.
 * A row becomes visible when its transaction commits, which may be after rows created later have been
 * read; the settle delay waits that long before listing a row, so no row appears behind a position a
 * consumer has already passed.
 */
async function readLogRows(
  payload: Payload,
  after: LogPosition | null,
  settledBefore: string,
  limit: number,
): Promise<LogRow[]> {
  const conditions: Where[] = [{ event: { exists: true } }, { createdAt: { less_than_equal: settledBefore } }]
  if (after) {
    // "created later, or at the same time with a greater id", written as a range of creation times so the
    // rows are read along the createdAt index (an OR of two ranges made SQLite sort every row after `after`).
    conditions.push(
      { createdAt: { greater_than_equal: after.at } },
      { or: [{ createdAt: { greater_than: after.at } }, { id: { greater_than: after.id } }] },
    )
  }
  const { docs } = await payload.find({
    collection: 'content-changes',
    where: { and: conditions },
    sort: ['createdAt', 'id'],
    limit,
    pagination: false,
    depth: 0,
    select: { createdAt: true, sourceCollection: true, documentId: true, event: true, documentSlug: true },
    // The log is nobody's to read over the API: the feed shows only the events of its rows.
    overrideAccess: true,
  })
  return docs as unknown as LogRow[]
}

/** Where the log phase starts for a consumer starting now: after the newest settled row with an event. */
async function newestSettledPosition(payload: Payload, settledBefore: string): Promise<LogPosition | null> {
  const newest = await readFirstChange(payload, ['-createdAt', '-id'], {
    and: [{ event: { exists: true } }, { createdAt: { less_than_equal: settledBefore } }],
  })
  return newest ? { at: newest.createdAt, id: String(newest.id) } : null
}

/**
 * Documents of a collection with an id after `after`, by id: a keyset page, so a document deleted between
 * pages moves no other one (offset pages would skip the next document). Read along the primary key, drafts
 * included, and left to the caller to filter: asking the database for published terms only made SQLite
 * sort every published term for each page.
 */
async function readDocumentsAfter(
  payload: Payload,
  collection: FeedCollection,
  after: string | null,
  limit: number,
): Promise<ListedDocument[]> {
  const { docs } = await payload.find({
    collection,
    where: after ? { id: { greater_than: after } } : {},
    sort: 'id',
    limit,
    pagination: false,
    depth: 0,
    draft: false,
    select: collection === 'terms' ? { slug: true, updatedAt: true, _status: true } : { slug: true, updatedAt: true },
    overrideAccess: true,
  })
  return docs as unknown as ListedDocument[]
}

/** What the public reads (src/access/authenticated-or-published.ts): categories and providers, and published terms. */
const isPublic = (collection: FeedCollection, doc: ListedDocument) =>
  collection !== 'terms' || doc._status === 'published'

/**
 * The snapshot phase from `from`: every published document, collection by collection; returns where the log
 * phase starts.
 */
async function* snapshotEntries(
  payload: Payload,
  from: Extract<FeedCursor, { phase: 'snapshot' }>,
  batch: number,
): AsyncGenerator<FeedEntry, FeedCursor> {
  const first = FEED_COLLECTIONS.indexOf(from.collection)
  for (const collection of FEED_COLLECTIONS.slice(first)) {
    let after = collection === from.collection ? from.after : null
    for (;;) {
      const docs = await readDocumentsAfter(payload, collection, after, batch)
      for (const doc of docs) {
        after = String(doc.id)
        if (!isPublic(collection, doc)) continue
        const item: V1Change = { collection, id: after, slug: doc.slug ?? null, change: 'published', at: doc.updatedAt }
        yield { item, after: { v: 1, phase: 'snapshot', collection, after, log: from.log } }
      }
      if (docs.length < batch) break
    }
  }
  return { v: 1, phase: 'log', after: from.log }
}

/** The log phase from `after`: the settled rows with an event; returns the position past the last one. */
async function* logEntries(
  payload: Payload,
  after: LogPosition | null,
  settledBefore: string,
  batch: number,
): AsyncGenerator<FeedEntry, FeedCursor> {
  let position = after
  for (;;) {
    const rows = await readLogRows(payload, position, settledBefore, batch)
    for (const row of rows) {
      position = { at: row.createdAt, id: String(row.id) }
      const item: V1Change = {
        collection: row.sourceCollection,
        id: row.documentId,
        slug: row.documentSlug ?? null,
        change: row.event,
        at: row.createdAt,
      }
      yield { item, after: { v: 1, phase: 'log', after: position } }
    }
    if (rows.length < batch) return { v: 1, phase: 'log', after: position }
  }
}

async function* entriesAfter(
  payload: Payload,
  cursor: FeedCursor,
  settledBefore: string,
  batch: number,
): AsyncGenerator<FeedEntry, FeedCursor> {
  const logFrom = cursor.phase === 'snapshot' ? yield* snapshotEntries(payload, cursor, batch) : cursor
  if (logFrom.phase !== 'log') return logFrom
  return yield* logEntries(payload, logFrom.after, settledBefore, batch)
}

async function oldestEventPosition(payload: Payload): Promise<LogPosition | null> {
  const oldest = await readFirstChange(payload, ['createdAt', 'id'], { event: { exists: true } })
  return oldest ? { at: oldest.createdAt, id: String(oldest.id) } : null
}

const isBefore = (a: LogPosition, b: LogPosition) => a.at < b.at || (a.at === b.at && a.id < b.id)

/**
 * Whether the log may have lost rows after the cursor's position (src/site-cache/log-retention.ts): the
 * log is pruned oldest first, so that is when the row the cursor names is gone. A position younger than
 * the pruning floor is kept for sure, and costs no query.
 */
export async function feedCursorExpired(payload: Payload, cursor: FeedCursor, now = new Date()): Promise<boolean> {
  const position = cursor.phase === 'log' ? cursor.after : cursor.log
  if (!position || position.at >= isoBefore(now, PRUNE_FLOOR_MS)) return false
  const oldest = await oldestEventPosition(payload)
  return !oldest || isBefore(position, oldest)
}

export const CURSOR_EXPIRED_DETAIL =
  'The changes after this cursor are older than the log keeps: start again without a cursor (a fresh snapshot), and replace what you kept.'

export type FeedReadOptions = { limit: number; settleMs: number; now?: Date }

/** One page of the feed after `cursor` (null: a consumer starting from nothing). */
export async function readFeedPage(
  payload: Payload,
  cursor: FeedCursor | null,
  { limit, settleMs, now = new Date() }: FeedReadOptions,
): Promise<FeedPage> {
  const settledBefore = isoBefore(now, settleMs)
  // Taken before the snapshot begins: whatever changes while it is read is in the log after this position.
  const start: FeedCursor = cursor ?? {
    v: 1,
    phase: 'snapshot',
    collection: FEED_COLLECTIONS[0],
    after: null,
    log: await newestSettledPosition(payload, settledBefore),
  }
  const entries: FeedEntry[] = []
  // One entry more than the page: whether there is more is known without another request.
  const reader = entriesAfter(payload, start, settledBefore, limit + 1)
  for (;;) {
    const step = await reader.next()
    if (step.done) return { entries, next: step.value, hasMore: false }
    if (entries.length === limit) {
      await reader.return(start)
      return { entries, next: entries.at(-1)!.after, hasMore: true }
    }
    entries.push(step.value)
  }
}
