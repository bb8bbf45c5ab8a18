// SQLite allows one writer at a time, and the client's calls block the Node thread while they wait for
// the file lock. Two overlapping writes in this process would therefore stall each other (the holder
// cannot finish while the waiter blocks the thread) and fail with SQLITE_BUSY. So writes in this
// process queue here, asynchronously: a transaction holds the turn from begin to commit or rollback,
// and a write outside any transaction takes a turn of its own. Other processes (an import running
// beside the server) still meet at the file lock, where the busy timeout makes them wait.
import type { Client } from '@libsql/client'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { shareTransactionConnection } from './transaction-connection'

const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/** How long a write waits for its turn before giving up with an error instead of hanging. */
const TURN_TIMEOUT_MS = 30_000

export class WriteQueue {
  private tail: Promise<void> = Promise.resolve()

  /** Waits for the turn; resolves with the function that ends it. */
  async acquire(timeoutMs = TURN_TIMEOUT_MS): Promise<() => void> {
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const previous = this.tail
    this.tail = previous.then(() => turn)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The database stayed busy for ${timeoutMs / 1000} s; try again.`)),
        timeoutMs,
      )
    })
    try {
      await Promise.race([previous, timedOut])
    } catch (error) {
      // Give the turn back so the queue keeps moving once the write ahead of us finishes.
      void previous.then(release)
      throw error
    } finally {
      clearTimeout(timer)
    }
    return release
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }
}

type AnyAdapter = BaseDatabaseAdapter & Record<string, unknown>
type AsyncMethod = (...args: unknown[]) => Promise<unknown>

function wrapAdapter(adapter: AnyAdapter, queue: WriteQueue): void {
  const turnsByTransaction = new Map<string | number, () => void>()

  const begin = adapter.beginTransaction.bind(adapter)
  adapter.beginTransaction = async (options) => {
    const release = await queue.acquire()
    try {
      const id = await begin(options)
      if (id === null || id === undefined) release()
      else turnsByTransaction.set(id, release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }

  for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
    const end = adapter[name].bind(adapter) as (id: string | number | Promise<string | number | null>) => Promise<void>
    adapter[name] = async (id: string | number | Promise<string | number | null>) => {
      const resolved = await id
      try {
        await end(id)
      } finally {
        if (resolved !== null && resolved !== undefined) {
          turnsByTransaction.get(resolved)?.()
          turnsByTransaction.delete(resolved)
        }
      }
    }
  }

  for (const name of WRITE_METHODS) {
    const original = adapter[name] as AsyncMethod | undefined
    if (typeof original !== 'function') continue
    const bound = original.bind(adapter)
    const serialized: AsyncMethod = async (...args) => {
      const req = (args[0] as { req?: { transactionID?: unknown } } | undefined)?.req
      const transactionID = await req?.transactionID
      if (transactionID !== undefined && transactionID !== null && turnsByTransaction.has(transactionID as string)) {
        return bound(...args)
      }
      return queue.run(() => bound(...args))
    }
    Object.assign(adapter, { [name]: serialized })
  }
}

type SqliteAdapterState = {
  client?: Client
  clientConfig?: { url: string; authToken?: string }
  wal?: false | { synchronous?: string }
}

/**
 * After the adapter connects, its transactions share one connection with the adapter's settings.
 * Payload's `destroy` on SQLite forgets its tables but leaves the file open; here it also waits for the
 * write in progress to commit or roll back, then closes both connections (which checkpoints the WAL).
 */
function shareOneTransactionConnection(adapter: AnyAdapter, queue: WriteQueue, busyTimeoutMs: number): void {
  const connect = adapter.connect?.bind(adapter)
  if (!connect) return
  let closeSharedConnection: () => Promise<void> = () => Promise.resolve()
  adapter.connect = async (...args: Parameters<typeof connect>) => {
    await connect(...args)
    const { client, clientConfig, wal } = adapter as AnyAdapter & SqliteAdapterState
    if (!client || !clientConfig) return
    const pragmas = [`PRAGMA busy_timeout = ${busyTimeoutMs};`]
    if (wal && wal.synchronous) pragmas.push(`PRAGMA synchronous = ${wal.synchronous};`)
    closeSharedConnection = shareTransactionConnection(client, clientConfig, pragmas)
  }
  const destroy = adapter.destroy?.bind(adapter)
  adapter.destroy = async () => {
    await queue.run(async () => {
      await destroy?.()
      const state = adapter as AnyAdapter & SqliteAdapterState
      await closeSharedConnection()
      state.client?.close()
      // A later connect (Payload's hot reload in development) opens a new client.
      state.client = undefined
    })
  }
}

/** Wraps a SQLite adapter so that writes from this process take turns (see the note at the top). */
export function withSerializedWrites(adapterObj: DatabaseAdapterObj, busyTimeoutMs: number): DatabaseAdapterObj {
  const init = adapterObj.init
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args) as AnyAdapter
      const queue = new WriteQueue()
      wrapAdapter(adapter, queue)
      shareOneTransactionConnection(adapter, queue, busyTimeoutMs)
      return adapter
    },
  }
}
