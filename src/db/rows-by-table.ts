import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { FlattenedField } from 'payload'

import type { Row } from './bulk-insert-contract'
import type { ArrayRow, TransformedRows, TransformForWrite } from './drizzle-row-mapping'
import { newRowId } from './row-ids'

/** The rows of a batch, by table, in the order tables must be filled (a parent before its children). */
export class RowsByTable {
  readonly tables = new Map<string, Row[]>()

  constructor(
    private readonly adapter: SQLiteAdapter,
    private readonly transform: TransformForWrite,
  ) {}

  private push(table: string, row: Row) {
    const rows = this.tables.get(table)
    if (rows) rows.push(row)
    else this.tables.set(table, [row])
  }

  addDocument(tableName: string, fields: FlattenedField[], id: string, data: Row) {
    const rows = this.transformed(tableName, fields, data)
    this.push(tableName, { ...rows.row, id })
    this.addRowsOf(tableName, rows, id)
  }

  /** Only the rows of `data`'s list fields: the document's own row stays as it is. */
  addChildRows(tableName: string, fields: FlattenedField[], id: string, data: Row) {
    this.addRowsOf(tableName, this.transformed(tableName, fields, data), id)
  }

  private transformed(tableName: string, fields: FlattenedField[], data: Row) {
    const rows = this.transform({ adapter: this.adapter, data, enableAtomicWrites: false, fields, path: '', tableName })
    if (Object.keys(rows.blocks).length > 0 || Object.keys(rows.locales).length > 0) {
      throw new Error(`bulk insert into ${tableName}: blocks and localized fields are not supported`)
    }
    return rows
  }

  private addRowsOf(tableName: string, rows: TransformedRows, id: string) {
    for (const relation of rows.relationships)
      this.push(`${tableName}${this.adapter.relationshipsSuffix}`, { ...relation, parent: id })
    for (const text of rows.texts) this.push(`${tableName}_texts`, { ...text, parent: id })
    for (const number of rows.numbers) this.push(`${tableName}_numbers`, { ...number, parent: id })
    for (const [table, selectRows] of Object.entries(rows.selects)) {
      for (const row of selectRows) this.push(table, { ...row, parent: row.parent ?? id })
    }
    this.addArrays(rows.arrays, id)
  }

  private addArrays(arrays: Record<string, ArrayRow[]>, parentId: string) {
    for (const [table, arrayRows] of Object.entries(arrays)) {
      for (const { row, arrays: nested, locales } of arrayRows) {
        if (Object.keys(locales).length > 0)
          throw new Error(`bulk insert into ${table}: localized fields are not supported`)
        // Rows of a version's arrays keep the document row's id in `_uuid` and get an id of their own.
        const id = typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : newRowId()
        const stored = { ...row, id, _parentID: parentId }
        this.push(table, stored)
        this.addArrays(nested, stored.id)
      }
    }
  }
}
