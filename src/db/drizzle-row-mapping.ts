// Payload's drizzle adapters map a document to the rows of its tables with `transformForWrite`, which the
// package does not export; it is loaded from the installed, exactly pinned version. The bulk-insert test
// compares what the bulk path stores with what Payload's create stores, so a change of that mapping fails it.
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { FlattenedField } from 'payload'

import type { Row } from './bulk-insert-contract'

export type TransformedRows = {
  row: Row
  relationships: Row[]
  texts: Row[]
  numbers: Row[]
  selects: Record<string, Row[]>
  arrays: Record<string, ArrayRow[]>
  blocks: Record<string, unknown[]>
  locales: Record<string, Row>
}
export type ArrayRow = { row: Row; arrays: Record<string, ArrayRow[]>; locales: Record<string, Row> }
export type TransformForWrite = (args: {
  adapter: SQLiteAdapter
  data: Row
  enableAtomicWrites: boolean
  fields: FlattenedField[]
  path?: string
  tableName: string
}) => TransformedRows

let transformForWrite: Promise<TransformForWrite> | null = null

export function loadTransformForWrite(): Promise<TransformForWrite> {
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

/** A collection slug as the adapter names its tables. */
export const toSnakeCase = (slug: string) =>
  slug
    .replace(/-/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
