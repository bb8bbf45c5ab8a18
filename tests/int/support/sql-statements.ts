// Records the SQL that Payload's SQLite adapter sends while some work runs, to check what a read
// actually asks the database for (which columns, which subqueries), not just what it returns.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

type Statement = string | { sql: string }

export async function recordSqlStatements<T>(
  payload: Payload,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const { client } = payload.db as unknown as SQLiteAdapter
  const statements: string[] = []
  const execute = client.execute
  client.execute = ((statement: Statement, ...rest: unknown[]) => {
    statements.push(typeof statement === 'string' ? statement : statement.sql)
    return (execute as (...args: unknown[]) => ReturnType<typeof execute>).call(client, statement, ...rest)
  }) as typeof client.execute
  try {
    return { result: await work(), statements }
  } finally {
    client.execute = execute
  }
}

/** Statements that read rows of the given table (not counts). */
export const readsOf = (statements: string[], table: string) =>
  statements.filter(
    (statement) => statement.startsWith('select "') && statement.includes(` from "${table}" "${table}"`),
  )
