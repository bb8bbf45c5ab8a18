import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { and, inArray, sql } from '@payloadcms/db-sqlite/drizzle'
import {
  buildVersionCollectionFields,
  type CollectionSlug,
  type FlattenedField,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { NEXT_REVISION } from './amendment-revision'
import type { BulkInsert, NewDocument, Row } from './bulk-insert-contract'
import { DocumentByDocumentInsert } from './document-by-document-insert'
import { loadTransformForWrite, toSnakeCase } from './drizzle-row-mapping'
import { MultiRowInsert, type LibsqlTransaction } from './multi-row-insert'
import { newRowId, objectIdHex } from './row-ids'
import { RowsByTable } from './rows-by-table'

/** The part of a drizzle SQLite connection the bulk path uses. */
type DrizzleWrites = {
  delete(table: unknown): { where(condition: unknown): Promise<unknown> }
  update(table: unknown): { set(values: Row): { where(condition: unknown): Promise<unknown> } }
  select(columns: Record<string, unknown>): { from(table: unknown): { where(condition: unknown): Promise<Row[]> } }
}

function withArrayRowIds(data: Row, fields: FlattenedField[]): Row {
  const copy = { ...data }
  for (const field of fields) {
    const rows = copy[field.name]
    if (field.type !== 'array' || !Array.isArray(rows)) continue
    copy[field.name] = rows.map((row: Row) => ({ ...row, id: row.id ?? objectIdHex() }))
  }
  return copy
}

// Payload's row mapping walks every field it is given; an amendment names few, so it walks only those.
/** The fields of `fields` that `data` has a value for, down into groups (a version's `version`). */
function onlyFieldsOf(fields: FlattenedField[], data: Row): FlattenedField[] {
  return fields.flatMap((field): FlattenedField[] => {
    const value = data[field.name]
    if (value === undefined) return []
    if (field.type !== 'group' || typeof value !== 'object' || value === null) return [field]
    return [{ ...field, flattenedFields: onlyFieldsOf(field.flattenedFields, value as Row) }]
  })
}

/** SQLite: every table of a batch filled in a few multi-row INSERT statements. */
export class SqliteBulkInsert implements BulkInsert {
  private readonly generic: DocumentByDocumentInsert
  private readonly multiRowInsert: MultiRowInsert

  constructor(private readonly payload: Payload) {
    this.generic = new DocumentByDocumentInsert(payload)
    this.multiRowInsert = new MultiRowInsert(this.adapter)
  }

  newId(): string {
    return newRowId()
  }

  private get adapter(): SQLiteAdapter {
    return this.payload.db as unknown as SQLiteAdapter
  }

  private async libsqlTransaction(req: PayloadRequest): Promise<LibsqlTransaction> {
    const db = (await this.connection(req)) as unknown as { session?: { tx?: { execute?: unknown } } }
    const transaction = db.session?.tx
    if (!transaction || typeof transaction.execute !== 'function') throw new Error('bulk insert: no libsql transaction')
    return transaction as never
  }

  private async connection(req: PayloadRequest) {
    const session = req.transactionID ? this.adapter.sessions[String(await req.transactionID)] : undefined
    if (!session) throw new Error('bulk insert runs inside a transaction')
    return session.db as unknown as DrizzleWrites
  }

  private async insertAll(req: PayloadRequest, rows: RowsByTable) {
    await this.multiRowInsert.insertAll(await this.libsqlTransaction(req), rows)
  }

  async insertDocuments(req: PayloadRequest, collection: CollectionSlug, documents: NewDocument[], at: string) {
    if (documents.length === 0) return
    const config = this.payload.collections[collection].config
    const tableName = this.adapter.tableNameMap.get(toSnakeCase(config.slug))
    if (!tableName) throw new Error(`bulk insert: no table for ${collection}`)
    const transform = await loadTransformForWrite()
    const rows = new RowsByTable(this.adapter, transform)
    for (const { id, data } of documents) rows.addDocument(tableName, config.flattenedFields, id, data)
    if (config.versions) {
      const versionTable = this.adapter.tableNameMap.get(`_${toSnakeCase(config.slug)}${this.adapter.versionsSuffix}`)
      if (!versionTable) throw new Error(`bulk insert: no versions table for ${collection}`)
      const versionFields = buildVersionCollectionFields(this.payload.config, config, true)
      for (const { id, data } of documents) {
        const { id: _documentId, ...version } = data
        rows.addDocument(versionTable, versionFields, newRowId(), {
          parent: id,
          version,
          autosave: false,
          latest: true,
          createdAt: at,
          updatedAt: at,
        })
      }
    }
    await this.insertAll(req, rows)
  }

  /** Tables and paths that hold the list field `name` of a document (prefix '') or of a version ('version.'). */
  private listFieldRows(tableName: string, field: FlattenedField, prefix: string) {
    const relationshipsTable = `${tableName}${this.adapter.relationshipsSuffix}`
    if (field.type === 'relationship' && field.hasMany && typeof field.relationTo === 'string') {
      return { table: relationshipsTable, path: `${prefix}${field.name}` }
    }
    if (field.type === 'text' && field.hasMany) return { table: `${tableName}_texts`, path: `${prefix}${field.name}` }
    if (field.type === 'array') {
      return { table: `${tableName}_${prefix ? 'version_' : ''}${toSnakeCase(field.name)}`, path: null }
    }
    throw new Error(`amend ${tableName}: ${field.name} is not a list field`)
  }

  private async deleteListRows(
    req: PayloadRequest,
    tableName: string,
    fields: FlattenedField[],
    prefix: string,
    parents: string[],
  ) {
    const db = await this.connection(req)
    for (const field of fields) {
      const { table: name, path } = this.listFieldRows(tableName, field, prefix)
      const table = this.adapter.tables[name]
      if (!table) throw new Error(`amend: no table ${name}`)
      const parentColumn = path === null ? table._parentID : table.parent
      // The unary plus keeps SQLite on the parent index: without statistics it would pick the path index,
      // and a path like 'relatedTerms' holds a third of the table.
      const where =
        path === null
          ? inArray(parentColumn, parents)
          : and(inArray(parentColumn, parents), sql`+${table.path} = ${path}`)
      await (db as unknown as DrizzleWrites).delete(table).where(where)
    }
  }

  async amendDocuments(req: PayloadRequest, collection: CollectionSlug, amendments: NewDocument[], at: string) {
    if (amendments.length === 0) return
    const config = this.payload.collections[collection].config
    const tableName = this.adapter.tableNameMap.get(toSnakeCase(config.slug))
    if (!tableName) throw new Error(`amend: no table for ${collection}`)
    const names = [...new Set(amendments.flatMap(({ data }) => Object.keys(data)))]
    const fields = names.map((name) => {
      const field = config.flattenedFields.find((candidate) => candidate.name === name)
      if (!field) throw new Error(`amend ${collection}: no field ${name}`)
      return field
    })
    // New array rows get their id here, as Payload's hooks give it, so the document and its version share it.
    amendments = amendments.map(({ id, data }) => ({ id, data: withArrayRowIds(data, fields) }))
    const ids = amendments.map(({ id }) => id)
    const db = (await this.connection(req)) as unknown as DrizzleWrites
    const transform = await loadTransformForWrite()
    const rows = new RowsByTable(this.adapter, transform)
    await this.deleteListRows(req, tableName, fields, '', ids)
    for (const { id, data } of amendments) rows.addChildRows(tableName, fields, id, data)
    const table = this.adapter.tables[tableName]!
    const bumped = (fieldsOfTable: FlattenedField[], tableOfRows: string, data: Row) =>
      transform({
        adapter: this.adapter,
        data,
        enableAtomicWrites: true,
        fields: onlyFieldsOf(fieldsOfTable, data),
        tableName: tableOfRows,
      }).row
    await db
      .update(table)
      .set(bumped(config.flattenedFields, tableName, { updatedAt: at, ...NEXT_REVISION }))
      .where(inArray(table.id, ids))

    if (config.versions) {
      const versionTableName = this.adapter.tableNameMap.get(
        `_${toSnakeCase(config.slug)}${this.adapter.versionsSuffix}`,
      )!
      const versionTable = this.adapter.tables[versionTableName]!
      const latest = (await db
        .select({ id: versionTable.id, parent: versionTable.parent })
        .from(versionTable)
        .where(and(inArray(versionTable.parent, ids), sql`+${versionTable.latest} = 1`))) as {
        id: string
        parent: string
      }[]
      const versionOf = new Map(latest.map((version) => [version.parent, version.id]))
      const versionIds = latest.map((version) => version.id)
      await this.deleteListRows(req, versionTableName, fields, 'version.', versionIds)
      const versionFields = buildVersionCollectionFields(this.payload.config, config, true)
      const amendedVersionFields = versionFields.flatMap((field): FlattenedField[] =>
        field.name === 'version' && field.type === 'group'
          ? [{ ...field, flattenedFields: field.flattenedFields.filter(({ name }) => names.includes(name)) }]
          : [],
      )
      for (const { id, data } of amendments) {
        const versionId = versionOf.get(id)
        if (versionId) rows.addChildRows(versionTableName, amendedVersionFields, versionId, { version: data })
      }
      const datesAndRevision = bumped(versionFields, versionTableName, {
        updatedAt: at,
        version: { updatedAt: at, ...NEXT_REVISION },
      })
      await db.update(versionTable).set(datesAndRevision).where(inArray(versionTable.id, versionIds))
    }
    await this.insertAll(req, rows)
  }

  async insertRows(req: PayloadRequest, collection: CollectionSlug, rows: Row[]) {
    if (rows.length === 0) return
    const config = this.payload.collections[collection].config
    if (config.versions) return this.generic.insertRows(req, collection, rows)
    const tableName = this.adapter.tableNameMap.get(toSnakeCase(config.slug))
    if (!tableName) throw new Error(`bulk insert: no table for ${collection}`)
    const transform = await loadTransformForWrite()
    const byTable = new RowsByTable(this.adapter, transform)
    for (const row of rows) byTable.addDocument(tableName, config.flattenedFields, newRowId(), row)
    await this.insertAll(req, byTable)
  }
}
