// The SQLite work of backup and restore, through the libsql client the app's adapter uses.

import { createClient, type Client } from '@libsql/client'

import { BackupProblem } from './backup-locations'

/** How long a statement waits for a lock another process holds (a checkpoint, a database recovery). */
const BUSY_TIMEOUT_MS = 5_000

async function withDatabase<T>(file: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    return await use(client)
  } finally {
    client.close()
  }
}

/**
 * Copies the database into `destination` with VACUUM INTO: one read transaction, so the copy is the
 * database as of one commit while the server goes on writing (WAL mode lets readers and a writer run
 * together), and a compact file with no -wal of its own.
 */
export async function copyDatabaseConsistently(source: string, destination: string): Promise<void> {
  await withDatabase(source, (client) => client.execute({ sql: 'VACUUM INTO ?', args: [destination] }))
}

export type DatabaseSummary = { terms: number; mediaDocuments: number }

async function countRows(client: Client, table: string): Promise<number> {
  const found = await client.execute({
    sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    args: [table],
  })
  if (found.rows.length === 0) return 0
  const { rows } = await client.execute(`SELECT count(*) AS n FROM "${table}"`)
  return Number(rows[0]!.n)
}

export function summarizeDatabase(file: string): Promise<DatabaseSummary> {
  return withDatabase(file, async (client) => ({
    terms: await countRows(client, 'terms'),
    mediaDocuments: await countRows(client, 'media'),
  }))
}

/** SQLite's own check of every page and index; 'ok' or the first problems it found. */
export function integrityCheck(file: string): Promise<string> {
  return withDatabase(file, async (client) => {
    const { rows } = await client.execute('PRAGMA integrity_check(20)')
    return rows.map((row) => String(row[0])).join('; ')
  })
}

export const walFileOf = (databaseFile: string) => `${databaseFile}-wal`
export const sharedMemoryFileOf = (databaseFile: string) => `${databaseFile}-shm`

/** How long the check for other users of a database waits for a transaction of theirs to end. */
const IN_USE_WAIT_MS = 1_000

/**
 * Before a database file is replaced: makes sure no other process has it open. In WAL mode every open
 * connection holds a shared lock on the file for as long as it is open, so an exclusive lock is granted
 * only when nobody else uses it; replacing the file under a server would corrupt what both write.
 */
export async function ensureNotInUse(databaseFile: string): Promise<void> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    await client.execute(`PRAGMA busy_timeout = ${IN_USE_WAIT_MS}`)
    await client.execute('PRAGMA locking_mode = EXCLUSIVE')
    await client.execute('BEGIN EXCLUSIVE')
    await client.execute('COMMIT')
  } catch (error) {
    const message = (error as Error).message
    if (/SQLITE_BUSY|database is locked/i.test(message)) {
      throw new BackupProblem(
        `${databaseFile} is in use by another process: stop the server (and any import or other tool using it) first, then run the restore again.`,
      )
    }
    // A damaged file is what a restore is often for: it has no server to stop.
    if (!/SQLITE_NOTADB|SQLITE_CORRUPT|not a database|malformed/i.test(message)) throw error
  } finally {
    client.close()
  }
}
