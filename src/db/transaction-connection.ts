// One long-lived SQLite connection for every transaction of this process.
//
// @libsql/client runs a transaction by handing its connection to it and opening a new one for whatever
// comes next; libsql never frees a connection that has run statements, closed or not
// (tursodatabase/libsql-client-ts#350). Each transaction therefore kept its connection and the page cache
// it had filled: about 3.5 MB per imported term, until an import of a few thousand terms ran the machine
// out of memory. Transactions in this process already take turns (serialize-sqlite-writes), so a single
// connection, opened once with the adapter's settings and kept, serves them all.
import {
  createClient,
  type Client,
  type InStatement,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'

const BEGIN_BY_MODE: Record<TransactionMode, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN TRANSACTION READONLY',
  deferred: 'BEGIN DEFERRED',
}

/** A transaction on the shared connection; ending it (commit or rollback) frees the connection for the next. */
class SharedConnectionTransaction implements Transaction {
  private ended = false

  constructor(
    private readonly connection: Client,
    private readonly onEnd: () => void,
  ) {}

  get closed(): boolean {
    return this.ended
  }

  async execute(statement: InStatement): Promise<ResultSet> {
    this.ensureOpen()
    return this.connection.execute(statement)
  }

  async batch(statements: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = []
    for (const statement of statements) results.push(await this.execute(statement))
    return results
  }

  async executeMultiple(): Promise<void> {
    // The client's executeMultiple rolls back any open transaction when it finishes; nothing here needs it.
    throw new Error('executeMultiple is not available inside a transaction on the shared connection')
  }

  async commit(): Promise<void> {
    this.ensureOpen()
    // A failed COMMIT leaves the transaction open, so the caller's rollback can still end it.
    await this.connection.execute('COMMIT')
    this.end()
  }

  async rollback(): Promise<void> {
    if (this.ended) return
    try {
      await this.connection.execute('ROLLBACK')
    } finally {
      this.end()
    }
  }

  close(): void {
    if (!this.ended) void this.rollback().catch(() => undefined)
  }

  private ensureOpen(): void {
    if (this.ended) throw new Error('The transaction has already been committed or rolled back')
  }

  private end(): void {
    this.ended = true
    this.onEnd()
  }
}

const clientsSharingAConnection = new WeakSet<Client>()

type SqliteClientConfig = { url: string; authToken?: string }

/**
 * Makes `client.transaction()` run on one connection opened with `pragmas`. A transaction that starts
 * while another is still open (which the write queue prevents) falls back to the client's own behaviour.
 * Returns what closes the shared connection, for when the database is closed.
 */
export function shareTransactionConnection(
  client: Client,
  config: SqliteClientConfig,
  pragmas: string[],
): () => Promise<void> {
  if (clientsSharingAConnection.has(client)) return async () => undefined
  clientsSharingAConnection.add(client)
  const handOver = client.transaction.bind(client)
  let connection: Promise<Client> | null = null
  let busy = false
  const open = async (): Promise<Client> => {
    const opened = createClient(config)
    for (const pragma of pragmas) await opened.execute(pragma)
    return opened
  }
  client.transaction = async (mode: TransactionMode = 'write'): Promise<Transaction> => {
    if (busy) return handOver(mode)
    busy = true
    try {
      connection ??= open().catch((error: unknown) => {
        connection = null
        throw error
      })
      const shared = await connection
      await shared.execute(BEGIN_BY_MODE[mode])
      return new SharedConnectionTransaction(shared, () => (busy = false))
    } catch (error) {
      busy = false
      throw error
    }
  }
  return async () => {
    const opened = await connection?.catch(() => null)
    connection = null
    opened?.close()
  }
}
