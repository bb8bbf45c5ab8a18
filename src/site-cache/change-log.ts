// Reads the content-changes log incrementally: the rows recorded since the last read, never a count or
// a scan of the whole log. Rows are read by creation time with an overlap window rather than by id,
// because ids are not ordered across MongoDB instances and a row becomes visible only when its
// transaction commits; rows already seen inside the window are skipped by id.
import type { Payload } from 'payload'

/** A row committed later than this after it was created could be missed (no write here takes so long). */
export const OVERLAP_MS = 10_000
const PAGE_SIZE = 500
/** After this many rows in one read, a reader stops listing tags and drops everything instead. */
const MAX_ROWS_PER_READ = 5_000

/** The latest creation time read, and the rows read inside the overlap window (id → creation time). */
export type ChangeCursor = { watermark: string; seen: ReadonlyMap<string, string> }

export type ChangeRead =
  /** The first read of a process: nothing is known about what was cached before it. */
  | { kind: 'start'; cursor: ChangeCursor }
  | { kind: 'changes'; cursor: ChangeCursor; tags: string[]; rows: number }
  /** More changes than a reader should list one by one (a large import): treat everything as changed. */
  | { kind: 'overflow'; cursor: ChangeCursor; rows: number }

type Row = { id: string | number; tags: string; createdAt: string }

const shifted = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString()

async function latestCreatedAt(payload: Payload): Promise<string> {
  const { docs } = await payload.find({
    collection: 'content-changes',
    sort: '-createdAt',
    limit: 1,
    pagination: false,
    select: { createdAt: true },
    overrideAccess: true,
  })
  return (docs[0] as Row | undefined)?.createdAt ?? new Date(0).toISOString()
}

function cursorAfter(rows: Row[], previous: ChangeCursor): ChangeCursor {
  const watermark = rows.reduce((latest, row) => (row.createdAt > latest ? row.createdAt : latest), previous.watermark)
  const windowStart = shifted(watermark, -OVERLAP_MS)
  const seen = new Map<string, string>()
  for (const [id, createdAt] of previous.seen) if (createdAt > windowStart) seen.set(id, createdAt)
  for (const row of rows) if (row.createdAt > windowStart) seen.set(String(row.id), row.createdAt)
  return { watermark, seen }
}

/** Rows created after `since`, oldest first, in pages; stops early at the cap. */
async function rowsCreatedAfter(payload: Payload, since: string, skip: ReadonlyMap<string, string>): Promise<Row[]> {
  const rows: Row[] = []
  for (let page = 1; rows.length < MAX_ROWS_PER_READ; page += 1) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'content-changes',
      where: { createdAt: { greater_than: since } },
      sort: 'createdAt',
      limit: PAGE_SIZE,
      page,
      select: { tags: true, createdAt: true },
      overrideAccess: true,
    })
    rows.push(...(docs as unknown as Row[]).filter((row) => !skip.has(String(row.id))))
    if (!hasNextPage) break
  }
  return rows
}

export async function readChangesSince(payload: Payload, cursor: ChangeCursor | null): Promise<ChangeRead> {
  if (!cursor) {
    // Rows inside the window at start count as seen: what they changed is expired with everything else.
    const watermark = await latestCreatedAt(payload)
    const recent = await rowsCreatedAfter(payload, shifted(watermark, -OVERLAP_MS), new Map())
    return { kind: 'start', cursor: cursorAfter(recent, { watermark, seen: new Map() }) }
  }
  const rows = await rowsCreatedAfter(payload, shifted(cursor.watermark, -OVERLAP_MS), cursor.seen)
  const next = cursorAfter(rows, cursor)
  if (rows.length >= MAX_ROWS_PER_READ) return { kind: 'overflow', cursor: next, rows: rows.length }
  const tags = new Set<string>()
  for (const row of rows) for (const tag of row.tags.split(' ')) if (tag) tags.add(tag)
  return { kind: 'changes', cursor: next, tags: [...tags], rows: rows.length }
}
