// Audit hooks for a collection: one entry per create, update, publication, stage move and delete,
// written in the same transaction as the change (see recordAuditEntry).
import { createHmac } from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { WORKFLOW_CONTEXT } from '@/request-context/workflow-context'

import type { AuditAction } from './audit-actions'
import { changedFieldNames } from './changed-fields'
import { actorOf, recordAuditEntry } from './record-audit-entry'

type Doc = Record<string, unknown> & { id: string | number }

const STATUS_FIELD = '_status'
const STAGE_FIELD = 'workflowStage'

/** What the afterChange hook needs to know about the document before the change, per request. */
type Before = { liveStatus?: unknown; passwordChanged?: boolean; apiKeyChanged?: boolean }
const beforeByRequest = new WeakMap<PayloadRequest, Map<string, Before>>()
const keyOf = (collection: SanitizedCollectionConfig, id: unknown) => `${collection.slug}:${String(id)}`

const hasDrafts = (collection: SanitizedCollectionConfig) => Boolean(collection.versions?.drafts)

/** Writes that are part of an action already recorded set `context.skipAudit`. */
const skipped = (context: PayloadRequest['context']) => context.skipAudit === true

/** The status of the live document, which a draft saved over a published one leaves untouched. */
async function readLiveStatus(req: PayloadRequest, collection: SanitizedCollectionConfig, id: unknown) {
  const live = await req.payload.db.findOne<Doc>({
    collection: collection.slug as CollectionSlug,
    where: { id: { equals: id } },
    select: { [STATUS_FIELD]: true },
    req,
  })
  return live?.[STATUS_FIELD]
}

async function publicationChange(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  previousDoc: Doc,
  doc: Doc,
  liveStatusBefore: unknown,
): Promise<'publish' | 'unpublish' | null> {
  if (!hasDrafts(collection)) return null
  if (doc[STATUS_FIELD] === 'published') return previousDoc[STATUS_FIELD] === 'published' ? null : 'publish'
  if (liveStatusBefore !== 'published') return null
  return (await readLiveStatus(req, collection, doc.id)) === 'draft' ? 'unpublish' : null
}

function titleOf(doc: Doc, titleField: string): string | undefined {
  const title = doc[titleField]
  return typeof title === 'string' || typeof title === 'number' ? String(title) : undefined
}

/**
 * Whether a write replaces or clears the stored API key. The key is never read back (Payload keeps it
 * encrypted and hides it and its index from reads), so the key sent is compared, as Payload finds a
 * caller, by its HMAC with the stored index; the log then names the field, never the key.
 */
async function apiKeyDiffers(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: unknown,
  sent: unknown,
): Promise<boolean> {
  const stored = await req.payload.db.findOne<Doc>({
    collection: collection.slug as CollectionSlug,
    where: { id: { equals: id } },
    select: { apiKeyIndex: true },
    req,
  })
  const index = typeof stored?.apiKeyIndex === 'string' ? stored.apiKeyIndex : null
  if (typeof sent !== 'string' || !sent) return index !== null
  return index !== createHmac('sha256', req.payload.secret).update(sent).digest('hex')
}

/** Notes, before an update, what afterChange can no longer see: the password and API key sent, the live status. */
const noteStateBefore: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc || skipped(context)) return data
  const before: Before = {}
  // The password is hashed and dropped from the data before afterChange runs; note it while it is here.
  if (collection.auth && typeof data.password === 'string' && data.password) before.passwordChanged = true
  if (collection.auth && 'apiKey' in data && data.apiKey !== undefined) {
    before.apiKeyChanged = await apiKeyDiffers(req, collection, originalDoc.id, data.apiKey)
  }
  if (hasDrafts(collection)) {
    before.liveStatus =
      originalDoc[STATUS_FIELD] === 'published' ? 'published' : await readLiveStatus(req, collection, originalDoc.id)
  }
  const pending = beforeByRequest.get(req) ?? new Map<string, Before>()
  beforeByRequest.set(req, pending.set(keyOf(collection, originalDoc.id), before))
  return data
}

type UpdateEntry = { action: AuditAction; changedFields: string[]; note?: string }

/** The entries an update is recorded as: a restore, a publication, a stage move, or else a plain edit. */
async function updateEntries(
  { collection, context, doc, previousDoc, req }: Parameters<CollectionAfterChangeHook>[0],
  before: Before,
): Promise<UpdateEntry[]> {
  const changed = changedFieldNames(collection.flattenedFields, previousDoc, doc)
  if (before.passwordChanged) changed.push('password')
  if (before.apiKeyChanged && !changed.includes('apiKey')) changed.push('apiKey')
  const contentFields = changed.filter((name) => name !== STATUS_FIELD && name !== STAGE_FIELD)
  const stageChanged = changed.includes(STAGE_FIELD)
  const publication = await publicationChange(req, collection, previousDoc, doc, before.liveStatus)

  const entries: UpdateEntry[] = []
  if (context[WORKFLOW_CONTEXT.restoring] === true) {
    entries.push({ action: 'restore', changedFields: contentFields, note: 'Restored from an earlier version.' })
  }
  if (publication) {
    const override = context[WORKFLOW_CONTEXT.override] === true
    entries.push({
      action: publication,
      changedFields: contentFields,
      ...(override ? { note: 'Admin override: published without approval.' } : {}),
    })
  }
  if (stageChanged) {
    entries.push({
      action: 'stage-change',
      // A publication entry already names the fields; a plain edit that moved the stage is told here.
      changedFields: publication ? [] : contentFields,
      note: `${String(previousDoc[STAGE_FIELD] ?? 'none')} → ${String(doc[STAGE_FIELD] ?? 'none')}`,
    })
  }
  if (entries.length === 0 && contentFields.length > 0) entries.push({ action: 'update', changedFields: contentFields })
  return entries
}

export function auditCollectionHooks({ titleField }: { titleField: string }): {
  beforeChange: CollectionBeforeChangeHook
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  const afterChange: CollectionAfterChangeHook = async (args) => {
    const { collection, context, doc, operation, req } = args
    const key = keyOf(collection, doc.id)
    const before = beforeByRequest.get(req)?.get(key) ?? {}
    beforeByRequest.get(req)?.delete(key)
    if (skipped(context)) return doc

    const target = { targetCollection: collection.slug, targetId: doc.id, targetTitle: titleOf(doc, titleField) }
    if (operation === 'create') {
      const note = doc[STATUS_FIELD] === 'published' ? 'Published on creation.' : undefined
      await recordAuditEntry(req, { action: 'create', ...target, note })
      return doc
    }
    for (const entry of await updateEntries(args, before)) await recordAuditEntry(req, { ...target, ...entry })
    return doc
  }

  const afterDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, id, req }) => {
    if (skipped(context)) return
    const actor = actorOf(req.user)
    // Someone deleting their own account: the entry cannot point at a user that no longer exists.
    const deletedSelf = req.user?.collection === collection.slug && String(req.user.id) === String(id)
    await recordAuditEntry(req, {
      action: 'delete',
      targetCollection: collection.slug,
      targetId: id,
      targetTitle: titleOf(doc as Doc, titleField),
      actor: deletedSelf ? { ...actor, userId: undefined } : actor,
    })
  }

  return { beforeChange: noteStateBefore, afterChange, afterDelete }
}
