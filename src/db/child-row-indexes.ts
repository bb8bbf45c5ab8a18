// Payload's SQLite schema keeps the values of a hasMany text or number field in a side table whose only
// index leads with `order`, yet every read of a document fetches its rows by `parent_id`. Without an index
// on the parent, each document read scans the whole side table: reading one term's aliases cost a pass
// over every alias of the glossary, and the import's page-by-page name load grew with the square of the
// glossary (91 s to import one term into 10,000). This adds a (parent, order) index to each such table.
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

const CHILD_VALUE_TABLE = /_(texts|numbers)$/

export const indexChildRowsByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!CHILD_VALUE_TABLE.test(name)) continue
    extendTable({
      table,
      extraConfig: (columns) => ({
        parentOrderIdx: index(`${name}_parent_order_idx`).on(columns.parent, columns.order),
      }),
    })
  }
  return schema
}
