// Where a consumer of the change feed stands, sent to it as an opaque cursor (base64url of JSON) and taken
// back strictly: anything that does not decode to a position the feed itself could have written is refused,
// so a damaged cursor is reported instead of silently restarting or skipping the feed.
import { z } from 'zod'

import { FEED_COLLECTIONS } from '@/change-events/change-events'

/** Ids are UUIDs (SQLite) or ObjectIds (MongoDB); either fits. */
const DocumentIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)

/** A row of the change log, by its place in the feed's order: creation time, then id. */
const LogPositionSchema = z.strictObject({ at: z.iso.datetime(), id: DocumentIdSchema })

const CURSOR_VERSION = 1

const CursorSchema = z.discriminatedUnion('phase', [
  /** Listing every published document of `collection` with an id after `after`; `log` is where the log phase starts. */
  z.strictObject({
    v: z.literal(CURSOR_VERSION),
    phase: z.literal('snapshot'),
    collection: z.enum(FEED_COLLECTIONS),
    after: DocumentIdSchema.nullable(),
    log: LogPositionSchema.nullable(),
  }),
  /** Listing the rows of the change log after `after` (null: from the first row). */
  z.strictObject({ v: z.literal(CURSOR_VERSION), phase: z.literal('log'), after: LogPositionSchema.nullable() }),
])

export type LogPosition = z.infer<typeof LogPositionSchema>
export type FeedCursor = z.infer<typeof CursorSchema>

/** Longer than any cursor the feed writes, by far. */
export const MAX_CURSOR_LENGTH = 512

export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

/** The position a cursor names, or why it is not one. */
export function decodeCursor(text: string): { cursor: FeedCursor } | { error: string } {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH)
    return { error: `must be 1 to ${MAX_CURSOR_LENGTH} characters long` }
  // Node's decoder skips characters outside the alphabet; a cursor must not have any.
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return { error: 'is not a cursor the feed gave out (not base64url)' }
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    return { error: 'is not a cursor the feed gave out (damaged)' }
  }
  const parsed = CursorSchema.safeParse(json)
  return parsed.success ? { cursor: parsed.data } : { error: 'is not a cursor the feed gave out (unknown position)' }
}
