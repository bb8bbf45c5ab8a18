// Inserts many new documents at once: the bulk write path of the import. The documents have already been
// through Payload's hooks and validation (src/content-transfer/create-in-bulk.ts); this module only stores
// them, with each one's first version, inside the transaction of `req`. It lives in the database module
// because how rows are written depends on the adapter: on SQLite the rows of a whole batch go into each
// table in a few multi-row statements (Payload's own row mapping decides the tables and columns); any other
// adapter gets one adapter call per document and version, which is what Payload's create does.
import type { Payload } from 'payload'

import type { BulkInsert } from './bulk-insert-contract'
import { DocumentByDocumentInsert } from './document-by-document-insert'
import { SqliteBulkInsert } from './sqlite-bulk-insert'

export type { BulkInsert, NewDocument } from './bulk-insert-contract'
export { newRowId } from './row-ids'
export { DocumentByDocumentInsert, SqliteBulkInsert }

/** The bulk write path for the adapter that runs. */
export function bulkInsertFor(payload: Payload): BulkInsert {
  return payload.db.name === 'sqlite' ? new SqliteBulkInsert(payload) : new DocumentByDocumentInsert(payload)
}
