// The one place that knows which database runs: DATABASE_URI picks SQLite (embedded default) or MongoDB.
import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../migrations'
import { indexChildRowsByParent } from './child-row-indexes'
import { rememberOpenDatabase } from './open-databases'
import { withSerializedWrites } from './serialize-sqlite-writes'

export type DatabaseKind = 'sqlite' | 'mongodb'

// Dev mode pushes schema changes straight into the file, and a pushed file can no longer be
// migrated; keeping development on its own file means production never opens a pushed one.
const DEFAULT_SQLITE_URI_PRODUCTION = 'file:./data/cloudlex.db'
const DEFAULT_SQLITE_URI_DEVELOPMENT = 'file:./data/cloudlex-dev.db'
/** How long a write waits for another process holding the SQLite file lock. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000

export function resolveDatabaseUri(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.DATABASE_URI?.trim()
  if (configured) return configured
  return env.NODE_ENV === 'production' ? DEFAULT_SQLITE_URI_PRODUCTION : DEFAULT_SQLITE_URI_DEVELOPMENT
}

export function databaseKindOf(uri: string): DatabaseKind {
  if (uri.startsWith('file:')) return 'sqlite'
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return 'mongodb'
  throw new Error(
    `DATABASE_URI must start with file: (SQLite), mongodb:// or mongodb+srv:// (MongoDB); got "${uri.split(':')[0]}:…"`,
  )
}

/** Creates the folder of a file: URI so that SQLite can create the database file in it. */
export function ensureSqliteFolder(uri: string): void {
  const filePath = uri.slice('file:'.length).split('?')[0] ?? ''
  if (!filePath || filePath === ':memory:') return
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true })
}

/** Once the adapter has connected, the server closes it when it stops (./open-databases.ts). */
function closedWhenServerStops(adapterObj: DatabaseAdapterObj, name: DatabaseKind): DatabaseAdapterObj {
  const init = adapterObj.init
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args)
      const connect = adapter.connect?.bind(adapter)
      if (connect) {
        adapter.connect = async (...connectArgs: Parameters<typeof connect>) => {
          await connect(...connectArgs)
          rememberOpenDatabase({ name, destroy: () => adapter.destroy?.() ?? Promise.resolve() })
        }
      }
      return adapter
    },
  }
}

export function createDatabaseAdapter(env: NodeJS.ProcessEnv = process.env): DatabaseAdapterObj {
  const uri = resolveDatabaseUri(env)
  const kind = databaseKindOf(uri)
  return closedWhenServerStops(
    kind === 'mongodb' ? mongooseAdapter({ url: uri, ensureIndexes: true }) : sqliteAdapterFor(uri, env),
    kind,
  )
}

function sqliteAdapterFor(uri: string, env: NodeJS.ProcessEnv): DatabaseAdapterObj {
  ensureSqliteFolder(uri)
  const pushSchema = env.NODE_ENV === 'development' || env.NODE_ENV === 'test'
  return withSerializedWrites(
    sqliteAdapter({
      client: { url: uri },
      idType: 'uuid',
      // A command-line tool (the import) commits large batches it can simply run again: in WAL mode NORMAL
      // skips the sync of each commit and can only lose the last commits on a power cut, never corrupt
      // the file. The server keeps FULL: a save an editor saw succeed stays saved.
      wal: { synchronous: env.CLOUDLEX_CLI === '1' ? 'NORMAL' : 'FULL' },
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
      // Payload's SQLite adapter runs without transactions unless asked; an import or a publish that
      // fails halfway must leave nothing behind. "immediate" takes the write lock up front, so a writer
      // never fails on a lock upgrade halfway through.
      transactionOptions: { behavior: 'immediate' },
      push: pushSchema,
      migrationDir: path.resolve(process.cwd(), 'src/migrations'),
      prodMigrations: migrations,
      afterSchemaInit: [indexChildRowsByParent],
    }),
    SQLITE_BUSY_TIMEOUT_MS,
  )
}
