// Optimistic concurrency for the collections editors and API clients write. Every document carries a
// revision that goes up by one on every write of it, whatever the route and whatever the write (draft
// save, publish, unpublish, scheduled publish, bulk update, restore): the validator a client sends back
// to say which revision its change was made against. A write made against an older one is refused with
// StaleVersionError and changes nothing.
//
// Where the counter lives: the document's own row (the live document) is the one place every write
// reaches, so it holds the count for the document and all its versions. A draft save, which Payload
// stores as a new version only, still moves that count, and its version records the same value; so the
// document read with or without drafts shows the same revision.
//
// Why the check cannot be raced: a write first moves the count with a conditional write ("set N+1 where
// the revision is still N") in the operation's own transaction, before Payload writes anything else. Of
// two writes that read the same N, only one can move it; the other is refused (SQLite: writes of one
// process take turns per transaction and other processes meet the file lock; MongoDB: the conditional
// update matches nothing or the transaction fails on the write conflict). Either way, no write is lost.
import type {
  CollectionAfterOperationHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  Field,
  PayloadRequest,
  Where,
} from 'payload'

import {
  ifMatchAccepts,
  ifMatchNaming,
  parseIfMatch,
  REVISION_FIELD,
  revisionTag,
  type DocumentId,
  type IfMatch,
} from './revision-tags'
import { staleDocument, StaleVersionError, type StaleDocument } from './stale-version-error'

export { REVISION_FIELD }

/**
 * Local API: the revision an update, delete or restoreVersion was made against, as `context: { expectedRevision: n }`
 * (updates may also send it as `data.revision`, as GraphQL clients and the admin's form do).
 */
export const EXPECTED_REVISION_CONTEXT = 'expectedRevision'

export const revisionField: Field = {
  name: REVISION_FIELD,
  type: 'number',
  // Documents stored before the field existed start here (the migration gives their rows this default).
  defaultValue: 1,
  admin: {
    readOnly: true,
    position: 'sidebar',
    description:
      'Goes up with every save. The form sends the revision it opened, so a save over a change made since is refused instead of replacing it.',
  },
}

/** Above the fields of the edit form: the compare an editor sees when their save is refused as stale. */
export const staleEditCompareField: Field = {
  name: 'staleEditCompare',
  type: 'ui',
  admin: { components: { Field: '/admin/stale-edit-compare#StaleEditCompare' } },
}

/** What the running update or delete of a collection expects: for one document, or (no id) for every one it reaches. */
type Expectation = { id?: DocumentId; revision?: number }
const expectationKey = (collection: string) => `revisionExpected:${collection}`
const staleKey = (collection: string) => `revisionStale:${collection}`

/** A revision a client sent: a whole number, or its digits (multipart forms send text). */
function asRevision(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined
}

/** A restore is addressed by the id of the version it restores; what it writes is that version's document. */
type Restore = { versionId: DocumentId; documentId: DocumentId }
const restoreKey = (collection: string) => `revisionRestore:${collection}`

/** Taken from the context once, so that writes nested in this one (with the same request) do not inherit it. */
function takeRevisionFromContext(req: PayloadRequest): number | undefined {
  const revision = asRevision(req.context[EXPECTED_REVISION_CONTEXT])
  delete req.context[EXPECTED_REVISION_CONTEXT]
  return revision
}

async function documentOfVersion(
  req: PayloadRequest,
  collection: CollectionSlug,
  versionId: DocumentId,
): Promise<DocumentId | undefined> {
  const { docs } = await req.payload.db.findVersions({
    collection,
    where: { id: { equals: versionId } },
    limit: 1,
    pagination: false,
    req,
  })
  return (docs[0] as { parent?: DocumentId } | undefined)?.parent
}

/**
 * Takes the revision the client sent out of the write (it is a precondition, not content) and keeps it
 * for the hooks that see each document. A bulk write's revision applies to every document it reaches.
 */
const rememberExpectedRevision: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation === 'restoreVersion')
    return rememberExpectedRevisionOfRestore(args, collection.slug as CollectionSlug, req)
  if (operation !== 'update' && operation !== 'delete') return args
  const { id, data } = args as { id?: DocumentId; data?: Record<string, unknown> }
  const fromContext = takeRevisionFromContext(req)
  const expectation: Expectation = { id, revision: asRevision(data?.[REVISION_FIELD]) ?? fromContext }
  req.context[expectationKey(collection.slug)] = expectation
  req.context[staleKey(collection.slug)] = []
  if (!data || !(REVISION_FIELD in data)) return args
  const { [REVISION_FIELD]: _sent, ...content } = data
  return { ...args, data: content } as typeof args
}

async function rememberExpectedRevisionOfRestore<Args>(
  args: Args,
  collection: CollectionSlug,
  req: PayloadRequest,
): Promise<Args> {
  const versionId = (args as { id?: DocumentId }).id
  const revision = takeRevisionFromContext(req)
  const documentId = versionId === undefined ? undefined : await documentOfVersion(req, collection, versionId)
  // An unknown version: Payload answers it as not found.
  if (versionId === undefined || documentId === undefined) return args
  req.context[restoreKey(collection)] = { versionId, documentId } satisfies Restore
  req.context[expectationKey(collection)] = { id: documentId, revision } satisfies Expectation
  req.context[staleKey(collection)] = []
  return args
}

/** The document a REST route addresses by id: the one in the path, or the document of the version a restore names. */
function addressedDocument(req: PayloadRequest, collection: string): DocumentId | undefined {
  const route = req.routeParams
  if (!route || route.collection !== collection || route.id === undefined) return undefined
  const restore = req.context[restoreKey(collection)] as Restore | undefined
  if (restore && String(restore.versionId) === String(route.id)) return restore.documentId
  return route.id as DocumentId
}

/**
 * The If-Match header of the request as it concerns this document. REST: PATCH or DELETE of it by id, or
 * a bulk PATCH or DELETE of its collection; other writes in the same request (hooks writing other
 * documents) are not what the header is about. GraphQL: the tags the header names this document in,
 * whichever mutation writes it (Payload's generated delete mutations take no revision argument).
 */
function ifMatchFor(req: PayloadRequest, collection: string, id: DocumentId): IfMatch {
  if (req.payloadAPI === 'GraphQL') return ifMatchNaming(parseIfMatch(req.headers?.get('if-match')), id)
  const route = req.routeParams
  if (!route || route.collection !== collection) return { kind: 'absent' }
  if (route.id !== undefined && String(addressedDocument(req, collection)) !== String(id)) return { kind: 'absent' }
  return parseIfMatch(req.headers?.get('if-match'))
}

function preconditionHolds(req: PayloadRequest, collection: string, id: DocumentId, current: number): boolean {
  const expected = req.context[expectationKey(collection)] as Expectation | undefined
  const concernsThisDocument = expected && (expected.id === undefined || String(expected.id) === String(id))
  if (concernsThisDocument && expected.revision !== undefined && expected.revision !== current) return false
  return ifMatchAccepts(ifMatchFor(req, collection, id), id, current)
}

/** The stored count (0 for a document from before revisions, on a database no migration filled in). */
async function storedRevision(req: PayloadRequest, collection: CollectionSlug, id: DocumentId): Promise<number> {
  const row = await req.payload.db.findOne<{ id: DocumentId } & Record<string, unknown>>({
    collection,
    where: { id: { equals: id } },
    select: { [REVISION_FIELD]: true },
    req,
  })
  return asRevision(row?.[REVISION_FIELD]) ?? 0
}

function setEtag(req: PayloadRequest, tag: string): void {
  const headers = req.responseHeaders ?? new Headers()
  headers.set('ETag', tag)
  req.responseHeaders = headers
}

function refusal(req: PayloadRequest, collection: CollectionSlug, id: DocumentId, current: number): StaleVersionError {
  const stale = staleDocument(collection, id, current)
  const staleOfOperation = req.context[staleKey(collection)]
  if (Array.isArray(staleOfOperation)) (staleOfOperation as StaleDocument[]).push(stale)
  if (String(addressedDocument(req, collection)) === String(id)) setEtag(req, stale.currentEtag)
  return new StaleVersionError([stale])
}

const revisionIs = (current: number): Where =>
  current === 0 ? { [REVISION_FIELD]: { exists: false } } : { [REVISION_FIELD]: { equals: current } }

/** Checks the client's precondition and moves the count on by one; the new revision, or a refusal. */
async function claimNextRevision(req: PayloadRequest, collection: CollectionSlug, id: DocumentId): Promise<number> {
  const current = await storedRevision(req, collection, id)
  if (!preconditionHolds(req, collection, id, current)) throw refusal(req, collection, id, current)
  const claimed = await req.payload.db.updateOne({
    collection,
    where: { and: [{ id: { equals: id } }, revisionIs(current)] },
    // null: leave the date alone (both adapters), so a draft save does not date the live document anew.
    data: { [REVISION_FIELD]: current + 1, updatedAt: null },
    select: { id: true },
    // SQLite: one UPDATE … WHERE statement instead of a lookup of the id followed by an update.
    options: { atomic: true },
    req,
  })
  if (!claimed) throw refusal(req, collection, id, await storedRevision(req, collection, id))
  return current + 1
}

const claimRevisionOnChange: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation === 'create') return { ...data, [REVISION_FIELD]: 1 }
  const id = (originalDoc as { id?: DocumentId } | undefined)?.id
  if (id === undefined) return data
  return { ...data, [REVISION_FIELD]: await claimNextRevision(req, collection.slug as CollectionSlug, id) }
}

const claimRevisionOnDelete: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  await claimNextRevision(req, collection.slug as CollectionSlug, id)
}

/**
 * Gives a REST answer that carries one document (GET, PATCH or POST of it, a restore of its version) the
 * document's ETag.
 */
function announceRevision(req: PayloadRequest, collection: string, doc: unknown, byId: boolean): void {
  const route = req.routeParams
  if (!route || route.collection !== collection || !doc || typeof doc !== 'object') return
  const { id, [REVISION_FIELD]: revision } = doc as { id?: DocumentId; [REVISION_FIELD]?: unknown }
  if (id === undefined || (byId ? String(addressedDocument(req, collection)) !== String(id) : route.id !== undefined))
    return
  const current = asRevision(revision)
  if (current !== undefined) setEtag(req, revisionTag(id, current))
}

const finishRevisionChecks: CollectionAfterOperationHook = ({ collection, operation, req, result }) => {
  if (operation === 'update' || operation === 'delete' || operation === 'restoreVersion') {
    // A bulk write is all or nothing as far as revisions go: one stale document and the whole operation's
    // transaction is rolled back, naming every stale document.
    const stale = req.context[staleKey(collection.slug)] as StaleDocument[] | undefined
    req.context[staleKey(collection.slug)] = []
    if (stale && stale.length > 0) throw new StaleVersionError(stale)
  }
  if (operation === 'findByID' || operation === 'updateByID' || operation === 'restoreVersion')
    announceRevision(req, collection.slug, result, true)
  if (operation === 'create') announceRevision(req, collection.slug, result, false)
  return result
}

/** The revision field and the hooks that keep it, added to a collection; they run after its own hooks. */
export function withRevisions(config: CollectionConfig): CollectionConfig {
  const hooks = config.hooks ?? {}
  return {
    ...config,
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), rememberExpectedRevision],
      beforeChange: [...(hooks.beforeChange ?? []), claimRevisionOnChange],
      beforeDelete: [...(hooks.beforeDelete ?? []), claimRevisionOnDelete],
      afterOperation: [...(hooks.afterOperation ?? []), finishRevisionChecks],
    },
    fields: [staleEditCompareField, ...config.fields, revisionField],
  }
}
