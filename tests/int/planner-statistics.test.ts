// The planner statistics the import and the server refresh on SQLite: without them SQLite reads a batch
// of terms by id through the `_status` index (every published row); with them, through the primary key.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { importTermDocuments } from '@/content-transfer/import-terms'
import { refreshPlannerStatistics } from '@/db/planner-statistics'
import { generatedEntry } from '../../bench/generated-glossary'

import { getTestPayload } from './support/harness'

const TERMS = 300
type SqliteAll = { drizzle: { all(query: unknown): Promise<Record<string, unknown>[]> } }
let payload: Payload

/** How SQLite would read a directory batch: `id IN (…) AND _status = 'published'`, as Payload writes it. */
async function batchReadPlan(): Promise<string> {
  const { drizzle } = payload.db as unknown as SqliteAll
  const ids = (await drizzle.all(sql.raw('SELECT id FROM terms ORDER BY id LIMIT 50'))).map((row) => row.id as string)
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
  const plan = await drizzle.all(
    sql`EXPLAIN QUERY PLAN SELECT id, title FROM terms WHERE (terms.id IN (${list}) AND terms._status = ${'published'}) ORDER BY terms.id`,
  )
  return plan.map((row) => String(row.detail)).join('\n')
}

beforeAll(async () => {
  payload = await getTestPayload()
  const entries = Array.from({ length: TERMS }, (_, index) => generatedEntry(index, TERMS))
  await importTermDocuments(payload, entries, { status: 'published' })
}, 120_000)

describe('refreshPlannerStatistics', () => {
  it('makes SQLite read a batch of terms by primary key instead of through every published row', async () => {
    expect(await batchReadPlan()).toMatch(/USING INDEX _status/)
    await refreshPlannerStatistics(payload)
    const plan = await batchReadPlan()
    expect(plan).not.toMatch(/_status/)
    expect(plan).toMatch(/SEARCH terms USING INDEX sqlite_autoindex_terms_1 \(id=\?\)/)
  })

  it('waits its turn behind a write in progress instead of finding the database locked', async () => {
    const writing = await payload.db.beginTransaction()
    await payload.create({
      collection: 'categories',
      data: { name: 'Mid-write', slug: 'mid-write' },
      req: { transactionID: writing! } as never,
    })
    const refreshing = refreshPlannerStatistics(payload)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await payload.db.commitTransaction(writing!)
    await expect(refreshing).resolves.toBeUndefined()
  })
})
