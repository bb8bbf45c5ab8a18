// SQLite's query planner, without statistics, takes any index on an equality as a selective one. It read
// the 500 terms of one directory batch (`id IN (…) AND _status = 'published'`) through the `_status`
// index, every published row, instead of the primary key: 94 ms a batch at 100,000 terms, and the server
// took 90 s to read its term directory at start. ANALYZE records how selective each index is; with
// `analysis_limit` it samples each index instead of reading it whole (40 ms on a 3 GB database).
// Other adapters keep their own statistics: nothing to do there.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

/** Rows sampled per index: enough to tell a unique index from one with a handful of values. */
const ROWS_SAMPLED_PER_INDEX = 1_000

type SqliteRun = { drizzle: { run(query: unknown): Promise<unknown> } }

/** Refreshes the planner's statistics after a large change (an import) and when a server starts. */
export async function refreshPlannerStatistics(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  const { drizzle } = payload.db as unknown as SqliteRun
  await drizzle.run(sql.raw(`PRAGMA analysis_limit = ${ROWS_SAMPLED_PER_INDEX}`))
  await drizzle.run(sql.raw('ANALYZE'))
}
