// Statements go straight to the transaction's libsql connection: drizzle's query builder, run for every
// value of every row, cost about as much as SQLite itself. Values are mapped and defaulted as drizzle does.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { getTableColumns, getTableName } from '@payloadcms/db-sqlite/drizzle'

import type { RowsByTable } from './rows-by-table'

type InsertColumn = {
  name: string
  default?: unknown
  defaultFn?: () => unknown
  onUpdateFn?: () => unknown
  shouldDisableInsert(): boolean
  mapToDriverValue(value: unknown): unknown
}
type TableInsert = { head: string; columns: [string, InsertColumn][]; rowsPerStatement: number }

export type LibsqlTransaction = { execute(statement: { sql: string; args: unknown[] }): Promise<unknown> }

/** A value as drizzle binds it: mapped by its column, or the column's default when missing. */
function driverValue(tableName: string, key: string, column: InsertColumn, value: unknown): unknown {
  if (value === undefined) {
    if (column.default !== null && column.default !== undefined) {
      if (typeof column.default === 'object')
        throw new Error(`bulk insert into ${tableName}: ${key} needs its SQL default`)
      return column.mapToDriverValue(column.default)
    }
    const made = column.defaultFn?.() ?? column.onUpdateFn?.()
    if (made === undefined || made === null) return null
    if (typeof made === 'object' && !(made instanceof Date))
      throw new Error(`bulk insert into ${tableName}: ${key} needs its SQL default`)
    return column.mapToDriverValue(made)
  }
  return value === null ? null : column.mapToDriverValue(value)
}

/** SQLite counts at most 32,766 bound values in one statement; stay well under it. */
const MAX_VALUES_PER_STATEMENT = 20_000

/** Fills every table of a batch in a few multi-row INSERT statements. */
export class MultiRowInsert {
  private readonly inserts = new Map<string, TableInsert>()

  constructor(private readonly adapter: SQLiteAdapter) {}

  /** The statement and value mapping of a multi-row insert into `tableName`, as drizzle would build it. */
  private insertInto(tableName: string): TableInsert {
    const cached = this.inserts.get(tableName)
    if (cached) return cached
    const table = this.adapter.tables[tableName]
    if (!table) throw new Error(`bulk insert: no table ${tableName}`)
    const columns = Object.entries(getTableColumns(table as never) as Record<string, InsertColumn>).filter(
      ([, column]) => !column.shouldDisableInsert(),
    )
    const insert: TableInsert = {
      head: `insert into "${getTableName(table as never)}" (${columns.map(([, column]) => `"${column.name}"`).join(', ')}) values `,
      columns,
      rowsPerStatement: Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns.length)),
    }
    this.inserts.set(tableName, insert)
    return insert
  }

  async insertAll(connection: LibsqlTransaction, rows: RowsByTable) {
    for (const [tableName, tableRows] of rows.tables) {
      const { head, columns, rowsPerStatement } = this.insertInto(tableName)
      for (let start = 0; start < tableRows.length; start += rowsPerStatement) {
        const chunk = tableRows.slice(start, start + rowsPerStatement)
        const args: unknown[] = []
        for (const row of chunk) {
          for (const [key, column] of columns) args.push(driverValue(tableName, key, column, row[key]))
        }
        const placeholders = `(${columns.map(() => '?').join(', ')})`
        await connection.execute({ sql: head + chunk.map(() => placeholders).join(', '), args })
      }
    }
  }
}
