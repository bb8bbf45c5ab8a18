// Inserts many new documents at once: the bulk write path of the import. The documents have already been
// through Payload's hooks and validation (src/content-transfer/create-in-bulk.ts); this module only stores
// them, with each one's first version, inside the transaction of `req`. It lives in the database module
// because how rows are written depends on the adapter: on SQLite the rows of a whole batch go into each
// table in a few multi-row statements (Payload's own row mapping decides the tables and columns); any other
// adapter gets one adapter call per document and version, which is what Payload's create does.
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { and, getTableColumns, getTableName, inArray, sql } from '@payloadcms/db-sqlite/drizzle'
import {
  buildVersionCollectionFields,
  type CollectionSlug,
  type FlattenedField,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { v7 as timeOrderedUuid } from 'uuid'

import { REVISION_FIELD } from '@/concurrency/revision-tags'

type Row = Record<string, unknown>

/** The part of a drizzle SQLite connection the bulk path uses. */
type DrizzleWrites = {
  delete(table: unknown): { where(condition: unknown): Promise<unknown> }
  update(table: unknown): { set(values: Row): { where(condition: unknown): Promise<unknown> } }
  select(columns: Record<string, unknown>): { from(table: unknown): { where(condition: unknown): Promise<Row[]> } }
}

/**
 * An amendment is a write of the document like any other, so its revision moves on (see
 * src/concurrency/revisions.ts); the document and its latest version keep the same count.
 */
const NEXT_REVISION = { [REVISION_FIELD]: { $inc: 1 } }
const revisionAfter = (version: Row) => (Number(version[REVISION_FIELD]) || 0) + 1

/** A document ready to store: `data` as Payload's beforeChange hands it to the adapter, with its id. */
export type NewDocument = { id: string; data: Row }

export interface BulkInsert {
  /** An id the database accepts, so that documents of one batch can point at each other before they are stored. */
  newId(): string
  /** Stores `documents` and, when the collection keeps versions, each one's first version, dated `at`. */
  insertDocuments(req: PayloadRequest, collection: CollectionSlug, documents: NewDocument[], at: string): Promise<void>
  /** Stores rows of a collection without versions or hooks (the audit log, the change log). */
  insertRows(req: PayloadRequest, collection: CollectionSlug, rows: Row[]): Promise<void>
  /**
   * Rewrites list fields (hasMany relationships and texts, arrays) of stored documents and of their latest
   * version in place, without a new version, and dates both `at`. For documents a bulk write stored a
   * moment ago and nobody has changed since: the import completes their links this way.
   */
  amendDocuments(req: PayloadRequest, collection: CollectionSlug, amendments: NewDocument[], at: string): Promise<void>
}

/**
 * Ids that follow the order rows are written in (UUIDv7), so a batch's rows go to the end of each id
 * index instead of a random page each: with random UUIDs an import wrote every row's page again at each
 * commit and checkpoint, about 100 pages (400 KB) per term, and commits took a fifth of its time.
 */
export const newRowId = (): string => timeOrderedUuid()

/** A MongoDB ObjectId's shape: 4 bytes of seconds, 8 random bytes. */
function objectIdHex(): string {
  const seconds = Buffer.alloc(4)
  seconds.writeUInt32BE(Math.floor(Date.now() / 1000))
  return Buffer.concat([seconds, randomBytes(8)]).toString('hex')
}

/** One adapter call per document, as Payload's create operation makes them: right for every adapter. */
export class DocumentByDocumentInsert implements BulkInsert {
  constructor(private readonly payload: Payload) {}

  newId(): string {
    return this.payload.db.name === 'mongoose' ? objectIdHex() : newRowId()
  }

  async insertDocuments(req: PayloadRequest, collection: CollectionSlug, documents: NewDocument[], at: string) {
    const versioned = Boolean(this.payload.collections[collection].config.versions)
    for (const { id, data } of documents) {
      await this.payload.db.create({ collection, customID: id, data: { ...data }, req, returning: false })
      if (!versioned) continue
      await this.payload.db.createVersion({
        collectionSlug: collection,
        parent: id,
        versionData: { ...data, id } as never,
        autosave: false,
        createdAt: at,
        updatedAt: at,
        req,
        returning: false,
      })
    }
  }

  async insertRows(req: PayloadRequest, collection: CollectionSlug, rows: Row[]) {
    for (const data of rows) await this.payload.db.create({ collection, data, req, returning: false })
  }

  async amendDocuments(req: PayloadRequest, collection: CollectionSlug, amendments: NewDocument[], at: string) {
    for (const { id, data } of amendments) {
      await this.payload.db.updateOne({
        collection,
        id,
        data: { ...data, updatedAt: at, ...NEXT_REVISION },
        req,
        returning: false,
      })
      const { docs } = await this.payload.db.findVersions({
        collection,
        where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
        limit: 1,
        pagination: false,
        req,
      })
      const latest = docs[0]
      if (!latest) continue
      await this.payload.db.updateVersion({
        collection,
        id: String(latest.id),
        versionData: {
          ...latest,
          version: {
            ...(latest.version as Row),
            ...data,
            updatedAt: at,
            [REVISION_FIELD]: revisionAfter(latest.version as Row),
          },
          updatedAt: at,
        } as never,
        req,
        returning: false,
      })
    }
  }
}

// Payload's drizzle adapters map a document to the rows of its tables with `transformForWrite`, which the
// package does not export; it is loaded from the installed, exactly pinned version. The bulk-insert test
// compares what this path stores with what Payload's create stores, so a change of that mapping fails it.
type TransformedRows = {
  row: Row
  relationships: Row[]
  texts: Row[]
  numbers: Row[]
  selects: Record<string, Row[]>
  arrays: Record<string, ArrayRow[]>
  blocks: Record<string, unknown[]>
  locales: Record<string, Row>
}
type ArrayRow = { row: Row; arrays: Record<string, ArrayRow[]>; locales: Record<string, Row> }
type TransformForWrite = (args: {
  adapter: SQLiteAdapter
  data: Row
  enableAtomicWrites: boolean
  fields: FlattenedField[]
  path?: string
  tableName: string
}) => TransformedRows

let transformForWrite: Promise<TransformForWrite> | null = null

function loadTransformForWrite(): Promise<TransformForWrite> {
  transformForWrite ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@payloadcms/drizzle')
    const file = path.join(path.dirname(entry), 'transform', 'write', 'index.js')
    const loaded = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(file).href)) as {
      transformForWrite?: TransformForWrite
    }
    if (typeof loaded.transformForWrite !== 'function')
      throw new Error(`@payloadcms/drizzle: no transformForWrite in ${file}`)
    return loaded.transformForWrite
  })()
  return transformForWrite
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

const toSnakeCase = (slug: string) =>
  slug
    .replace(/-/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()

type InsertColumn = {
  name: string
  default?: unknown
  defaultFn?: () => unknown
  onUpdateFn?: () => unknown
  shouldDisableInsert(): boolean
  mapToDriverValue(value: unknown): unknown
}
type TableInsert = { head: string; columns: [string, InsertColumn][]; rowsPerStatement: number }

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

/** The rows of a batch, by table, in the order tables must be filled (a parent before its children). */
class RowsByTable {
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

/** SQLite: every table of a batch filled in a few multi-row INSERT statements. */
export class SqliteBulkInsert implements BulkInsert {
  private readonly generic: DocumentByDocumentInsert

  constructor(private readonly payload: Payload) {
    this.generic = new DocumentByDocumentInsert(payload)
  }

  newId(): string {
    return newRowId()
  }

  private get adapter(): SQLiteAdapter {
    return this.payload.db as unknown as SQLiteAdapter
  }

  private readonly inserts = new Map<string, TableInsert>()

  private async libsqlTransaction(
    req: PayloadRequest,
  ): Promise<{ execute(statement: { sql: string; args: unknown[] }): Promise<unknown> }> {
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

  // Statements go straight to the transaction's libsql connection: drizzle's query builder, run for every
  // value of every row, cost about as much as SQLite itself. Values are mapped and defaulted as drizzle does.
  private async insertAll(req: PayloadRequest, rows: RowsByTable) {
    const connection = await this.libsqlTransaction(req)
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
    for (const { id, data } of amendments) rows.addChildRows(tableName, config.flattenedFields, id, data)
    const table = this.adapter.tables[tableName]!
    const bumped = (fieldsOfTable: FlattenedField[], tableOfRows: string, data: Row) =>
      transform({
        adapter: this.adapter,
        data,
        enableAtomicWrites: true,
        fields: fieldsOfTable,
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
      for (const { id, data } of amendments) {
        const versionId = versionOf.get(id)
        if (versionId) rows.addChildRows(versionTableName, versionFields, versionId, { version: data })
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

/** The bulk write path for the adapter that runs. */
export function bulkInsertFor(payload: Payload): BulkInsert {
  return payload.db.name === 'sqlite' ? new SqliteBulkInsert(payload) : new DocumentByDocumentInsert(payload)
}
