// SQLite's query planner, without statistics, takes any index on an equality as a selective one. It read
// the 500 terms of one directory batch (`id IN (…) AND _status = 'published'`) through the `_status`
// index, every published row, instead of the primary key: 94 ms a batch at 100,000 terms, and the server
// took 90 s to read its term directory at start. ANALYZE records how selective each index is; with
// `analysis_limit` it samples each index instead of reading it whole (250 ms on a 3 GB database).
// Other adapters keep their own statistics: nothing to do there.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

/**
 * Rows sampled per index. A sample takes a column with one value (every FAQ published) to match about
 * as many rows as it read, so the sample must outnumber the ids of the largest `id IN (…)` read (the
 * FAQs of 500 terms, about 1,500): with 1,000 the planner still scanned every published FAQ.
 */
const ROWS_SAMPLED_PER_INDEX = 10_000

type SqliteSessions = { sessions: Record<string, { db: { run(query: unknown): Promise<unknown> } }> }

/**
 * Refreshes the planner's statistics after a large change (an import) and when a server starts. ANALYZE
 * writes its statistics, so it runs as a transaction: this process's writes take turns (src/db), and a
 * write beside them would find the database locked.
 */
export async function refreshPlannerStatistics(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  const id = await payload.db.beginTransaction()
  if (id === null)
    throw new Error('refreshing the planner statistics needs a transaction, and the SQLite adapter gave none')
  try {
    const { db } = (payload.db as unknown as SqliteSessions).sessions[String(id)]!
    await db.run(sql.raw(`PRAGMA analysis_limit = ${ROWS_SAMPLED_PER_INDEX}`))
    await db.run(sql.raw('ANALYZE'))
    await payload.db.commitTransaction(id)
  } catch (error) {
    await payload.db.rollbackTransaction(id)
    throw error
  }
}
