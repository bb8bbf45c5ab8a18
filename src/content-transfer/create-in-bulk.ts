// Creates many new documents as the server (no user), with the steps of Payload's create operation that apply to
// reviewed content: the collection's beforeOperation, beforeValidate, beforeChange and afterChange hooks (workflow
// stage, audit entry, change-log row), field defaults, field hooks and validation (by ./validate-fields.ts, which
// spares Payload's copy of the document per field, unless the document has rich text with nodes with fields of their
// own or blocks). What it leaves out is what costs a create most and tells the import nothing: the read of each new
// document and its version, and a statement per row. Documents are prepared one by one (a document that fails
// validation is reported and left out), then stored together (src/db/bulk-insert.ts), then their afterChange hooks run
// with the log rows collected and stored together. Everything happens in the transaction of `req`.
import {
  beforeChangeTraverseFields,
  beforeValidateTraverseFields,
  deepCopyObjectSimple,
  ValidationError,
  type CollectionSlug,
  type Payload,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  type ValidationFieldError,
} from 'payload'

import type { BulkInsert, NewDocument } from '@/db/bulk-insert'
import { collectLogRows } from '@/db/log-rows'

import { needsPayloadValidation, validateDocumentFields } from './validate-fields'

type Row = Record<string, unknown>

/** A document to create, with the id it is given (see BulkInsert.newId). */
export type DocumentToCreate = { id: string; data: Row }

export type PreparedDocument = { collection: CollectionSlug; id: string; data: Row }

export type CreateOptions = {
  draft: boolean
  /** Validates in Payload's own traversal, as for a document whose rich text holds nodes with fields. */
  payloadValidation?: boolean
}

/** Runs the hooks and validation of a create; throws Payload's ValidationError naming the fields. */
export async function prepareCreate(
  payload: Payload,
  req: PayloadRequest,
  collection: CollectionSlug,
  { id, data: incoming }: DocumentToCreate,
  { draft, payloadValidation = false }: CreateOptions,
): Promise<PreparedDocument> {
  const config: SanitizedCollectionConfig = payload.collections[collection].config
  const context = req.context
  let args: Row = { collection: payload.collections[collection], data: incoming, draft, overrideAccess: true, req }
  for (const hook of config.hooks.beforeOperation ?? []) {
    args = ((await hook({ args: args as never, collection: config, context, operation: 'create', req })) as Row) ?? args
  }
  let data = deepCopyObjectSimple(args.data as Row)
  if (draft && config.versions?.drafts) data._status = 'draft'
  const common = { collection: config, context, global: null, operation: 'create' as const, overrideAccess: true, req }
  const position = { parentIndexPath: '', parentIsLocalized: false, parentPath: '', parentSchemaPath: '' }
  await beforeValidateTraverseFields({
    ...common,
    ...position,
    data,
    doc: {},
    docForHooks: {},
    fields: config.fields,
    siblingData: data,
    siblingDoc: {},
  } as never)
  for (const hook of config.hooks.beforeValidate ?? []) {
    data =
      ((await hook({ collection: config, context, data, operation: 'create', originalDoc: {}, req })) as Row) ?? data
  }
  for (const hook of config.hooks.beforeChange ?? []) {
    data =
      ((await hook({ collection: config, context, data, operation: 'create', originalDoc: {}, req })) as Row) ?? data
  }
  const stored = deepCopyObjectSimple(data)
  const errors: ValidationFieldError[] = []
  const validatedByPayload = payloadValidation || needsPayloadValidation(config.fields, stored)
  await beforeChangeTraverseFields({
    ...common,
    ...position,
    data: stored,
    doc: {},
    docWithLocales: {},
    errors,
    fieldLabelPath: '',
    fields: config.fields,
    mergeLocaleActions: [],
    siblingData: stored,
    siblingDoc: {},
    siblingDocWithLocales: {},
    skipValidation: !validatedByPayload,
  })
  if (!validatedByPayload) await validateDocumentFields(req, config, stored, errors)
  if (errors.length > 0) throw new ValidationError({ collection, errors, req }, req.t)
  return { collection, id, data: stored }
}

/**
 * Stores prepared documents (collections in the order given: a document is stored after those it links
 * to), then runs their afterChange hooks, whose log rows are stored together at the end.
 */
export async function storeCreated(
  payload: Payload,
  req: PayloadRequest,
  bulk: BulkInsert,
  documents: PreparedDocument[],
): Promise<void> {
  const at = new Date().toISOString()
  const byCollection = new Map<CollectionSlug, NewDocument[]>()
  for (const { collection, id, data } of documents) {
    // Dated as the adapters date a create; the same date as the last change, so "never changed since" shows.
    data.updatedAt ??= at
    data.createdAt ??= data.updatedAt
    const list = byCollection.get(collection)
    if (list) list.push({ id, data })
    else byCollection.set(collection, [{ id, data }])
  }
  for (const [collection, list] of byCollection) await bulk.insertDocuments(req, collection, list, at)
  const logRows = await collectLogRows(req, async () => {
    for (const { collection, id, data } of documents) {
      const config = payload.collections[collection].config
      const doc = { ...data, id }
      for (const hook of config.hooks.afterChange ?? []) {
        await hook({ collection: config, context: req.context, data, doc, operation: 'create', previousDoc: {}, req })
      }
    }
  })
  for (const [collection, rows] of logRows) await bulk.insertRows(req, collection, rows)
}
