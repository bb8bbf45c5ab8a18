// Hooks for every collection the public site shows: a change that readers could see adds one row to the
// content-changes log, inside the same transaction as the change, naming the cache tags it makes stale
// (./cache-tags.ts). Every process that caches site data reads the log (./change-log.ts), so a change
// made anywhere (admin, API, scheduled job, import CLI, another instance) reaches every cache.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { writeLogRow } from '@/db/log-rows'
import { WORKFLOW_CONTEXT } from '@/workflow/hooks/enforce-workflow'

import { tagsForChange, type SiteCollection } from './cache-tags'

type Status = { _status?: unknown } | null | undefined

const isPublished = (doc: Status): boolean => doc?._status === 'published'
const hasDrafts = (doc: Status): boolean => doc !== null && doc !== undefined && '_status' in doc
/** Payload hands a create's "previous document" over as an empty object. */
const present = (doc: Record<string, unknown> | null | undefined) => (doc && doc.id !== undefined ? doc : null)

/** Only what was or is now public: a draft's fields must not leak into tags of the old live version. */
const publicSide = (doc: Record<string, unknown> | null | undefined) =>
  !present(doc) || (hasDrafts(doc) && !isPublished(doc)) ? null : doc

/** Adds one row to the change log for `req`'s transaction; the hooks below call it, and bulk writes that bypass them. */
export async function recordChange(req: PayloadRequest, collection: SiteCollection, documentId: unknown, tags: string[]) {
  const now = new Date().toISOString()
  // Through the database adapter, in the change's transaction: a log row needs no hooks or read-back.
  await writeLogRow(req, 'content-changes', {
    sourceCollection: collection,
    documentId: String(documentId ?? ''),
    tags: tags.join(' '),
    createdAt: now,
    updatedAt: now,
  })
}

const LIVE_BEFORE = 'cloudlex.liveBeforeChange'

/**
 * With drafts, the document Payload hands to hooks as "previous" is the latest draft, which may already
 * have another slug, title or category than the live version readers see; the live one is read here so
 * its pages are refreshed too.
 */
const rememberLiveVersion: CollectionBeforeChangeHook = async ({ collection, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || !('_status' in originalDoc)) return
  const live = await req.payload.findByID({
    collection: collection.slug as 'terms',
    id: String(originalDoc.id),
    draft: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { _status: true, slug: true, title: true, category: true, providerEquivalents: { provider: true } },
  })
  const remembered = (req.context[LIVE_BEFORE] ??= new Map()) as Map<string, unknown>
  remembered.set(`${collection.slug}:${originalDoc.id}`, live)
}

export function contentChangeHooks(collection: SiteCollection): {
  beforeChange: CollectionBeforeChangeHook
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  return {
    beforeChange: rememberLiveVersion,
    afterChange: async ({ doc, previousDoc, req }) => {
      const remembered = req.context[LIVE_BEFORE] as Map<string, Record<string, unknown> | null> | undefined
      const liveBefore = remembered?.get(`${collection}:${doc.id}`) ?? null
      // A draft save leaves the live version as it was; any other write publishes, unpublishes or edits it.
      const savingDraft = req.context[WORKFLOW_CONTEXT.savingDraft] === true
      const visible = !hasDrafts(doc) || (!savingDraft && (isPublished(doc) || isPublished(liveBefore) || isPublished(previousDoc)))
      if (visible) {
        const tags = new Set([
          ...tagsForChange(collection, publicSide(liveBefore), publicSide(doc)),
          ...tagsForChange(collection, publicSide(previousDoc), null),
        ])
        await recordChange(req, collection, doc.id, [...tags])
      }
      return doc
    },
    afterDelete: async ({ doc, req }) => {
      await recordChange(req, collection, doc?.id, tagsForChange(collection, doc, null))
      return doc
    },
  }
}
