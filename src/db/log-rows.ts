// Rows the hooks add to the audit log and the change log. They go straight to the database adapter (no
// hooks, no read-back), in the transaction of the request. A bulk write collects them instead, and stores
// the rows of a whole batch at once (see src/content-transfer/create-in-bulk.ts).
import type { CollectionSlug, PayloadRequest } from 'payload'

type Row = Record<string, unknown>

export type CollectedLogRows = Map<CollectionSlug, Row[]>

const COLLECTED = 'cloudlex.collectedLogRows'

export async function writeLogRow(
  req: PayloadRequest,
  collection: CollectionSlug,
  data: Row,
  { ownTransaction = false } = {},
) {
  const collected = ownTransaction ? undefined : (req.context[COLLECTED] as CollectedLogRows | undefined)
  if (collected) {
    const rows = collected.get(collection)
    if (rows) rows.push(data)
    else collected.set(collection, [data])
    return
  }
  await req.payload.db.create({ collection, data, returning: false, ...(ownTransaction ? {} : { req }) })
}

/** From now on, log rows written for `req` are collected; returns them when `write` is done. */
export async function collectLogRows(req: PayloadRequest, write: () => Promise<void>): Promise<CollectedLogRows> {
  const collected: CollectedLogRows = new Map()
  req.context[COLLECTED] = collected
  try {
    await write()
  } finally {
    delete req.context[COLLECTED]
  }
  return collected
}
