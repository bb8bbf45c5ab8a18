// Reads the content-changes log incrementally: the rows recorded since the last read, never a count or
// a scan of the whole log. Rows are read by creation time with an overlap window rather than by id,
// because ids are not ordered across MongoDB instances and a row becomes visible only when its
// transaction commits; rows already seen inside the window are skipped by id. The window follows the
// clock as well as the newest row: anchored to the newest row alone, it kept the last seconds of a
// large import (1,500 rows at 10,000 terms) in every read, twice a second, long after the import.
import type { Payload, Sort, Where } from 'payload'

import { OVERLAP_MS, PRUNE_FLOOR_MS } from '@/config/change-log-bounds'

const PAGE_SIZE = 500
/** After this many rows in one read, a reader stops listing tags and drops everything instead. */
const MAX_ROWS_PER_READ = 5_000

/**
 * The latest creation time read, when the read began (this process's clock), and the rows read inside
 * the overlap window (id → creation time).
 */
export type ChangeCursor = { watermark: string; readAt: string; seen: ReadonlyMap<string, string> }

export type ChangeRead =
  /** The first read of a process: nothing is known about what was cached before it. */
  | { kind: 'start'; cursor: ChangeCursor }
  | { kind: 'changes'; cursor: ChangeCursor; tags: string[]; rows: number }
  /** More changes than a reader should list one by one (a large import), or a look so late that rows it
   * needed may have been pruned: treat everything as changed. */
  | { kind: 'overflow'; cursor: ChangeCursor; rows: number }

type Row = { id: string | number; tags: string; createdAt: string }

const shifted = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString()

/**
 * The first row of the log in `sort` order among those matching `where`, with its creation time. The log
 * is nobody's to read over the API; the server reads it for its own bookkeeping.
 */
export async function readFirstChange(
  payload: Payload,
  sort: Sort,
  where?: Where,
): Promise<{ id: string | number; createdAt: string } | undefined> {
  const { docs } = await payload.find({
    collection: 'content-changes',
    where,
    sort,
    limit: 1,
    pagination: false,
    depth: 0,
    select: { createdAt: true },
    overrideAccess: true,
  })
  return docs[0]
}

async function latestCreatedAt(payload: Payload): Promise<string> {
  return (await readFirstChange(payload, '-createdAt'))?.createdAt ?? new Date(0).toISOString()
}

/**
 * Where the next read starts. A row not yet seen was created after the newest row read, or committed
 * after the read began: so created at most OVERLAP_MS before either (and one more OVERLAP_MS for clocks).
 */
function windowStart({ watermark, readAt }: Pick<ChangeCursor, 'watermark' | 'readAt'>): string {
  const anchor = shifted(readAt, -OVERLAP_MS)
  return shifted(watermark > anchor ? watermark : anchor, -OVERLAP_MS)
}

function cursorAfter(rows: Row[], previous: Omit<ChangeCursor, 'readAt'>, readAt: string): ChangeCursor {
  const watermark = rows.reduce((latest, row) => (row.createdAt > latest ? row.createdAt : latest), previous.watermark)
  const start = windowStart({ watermark, readAt })
  const seen = new Map<string, string>()
  for (const [id, createdAt] of previous.seen) if (createdAt > start) seen.set(id, createdAt)
  for (const row of rows) if (row.createdAt > start) seen.set(String(row.id), row.createdAt)
  return { watermark, readAt, seen }
}

/**
 * Rows created after `since`, oldest first, in pages; stops early at `cap`. The id breaks ties: a bulk
 * write gives thousands of rows one creation time, and pages of an order with ties may overlap or leave
 * rows out. A row committed late inside the window can still shift a page by one: read twice, it is
 * kept once here; left for this read, the next read finds it, since it is not yet seen.
 */
async function rowsCreatedAfter(
  payload: Payload,
  since: string,
  skip: ReadonlyMap<string, string>,
  cap = MAX_ROWS_PER_READ,
): Promise<Row[]> {
  const rows = new Map<string, Row>()
  for (let page = 1; rows.size < cap; page += 1) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'content-changes',
      where: { createdAt: { greater_than: since } },
      sort: ['createdAt', 'id'],
      limit: PAGE_SIZE,
      page,
      select: { tags: true, createdAt: true },
      overrideAccess: true,
    })
    for (const row of docs as unknown as Row[]) if (!skip.has(String(row.id))) rows.set(String(row.id), row)
    if (!hasNextPage) break
  }
  return [...rows.values()]
}

export async function readChangesSince(
  payload: Payload,
  cursor: ChangeCursor | null,
  now: Date = new Date(),
): Promise<ChangeRead> {
  const readAt = now.toISOString()
  if (!cursor) {
    // Rows inside the window at start count as seen: what they changed is expired with everything else.
    // All of them, not the first MAX_ROWS_PER_READ: the end of a large import writes about 27,000 rows in
    // 20 s, and the rows left unseen made the next read an overflow, which read the whole glossary again.
    // The window bounds them (its seconds times what SQLite can write).
    const watermark = await latestCreatedAt(payload)
    const recent = await rowsCreatedAfter(
      payload,
      windowStart({ watermark, readAt }),
      new Map(),
      Number.POSITIVE_INFINITY,
    )
    return { kind: 'start', cursor: cursorAfter(recent, { watermark, seen: new Map() }, readAt) }
  }
  if (now.getTime() - new Date(windowStart(cursor)).getTime() > PRUNE_FLOOR_MS) {
    const { cursor: restarted } = await readChangesSince(payload, null, now)
    return { kind: 'overflow', cursor: restarted, rows: 0 }
  }
  const rows = await rowsCreatedAfter(payload, windowStart(cursor), cursor.seen)
  const next = cursorAfter(rows, cursor, readAt)
  if (rows.length >= MAX_ROWS_PER_READ) return { kind: 'overflow', cursor: next, rows: rows.length }
  const tags = new Set<string>()
  for (const row of rows) for (const tag of row.tags.split(' ')) if (tag) tags.add(tag)
  return { kind: 'changes', cursor: next, tags: [...tags], rows: rows.length }
}
