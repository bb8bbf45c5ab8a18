// Hooks for every collection the public site shows: a change that readers could see adds a row to the
// content-changes log, inside the same transaction as the change itself.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { CACHE_TAG_BY_COLLECTION, type SiteCollection } from '@/lib/cache-tags'

type Status = { _status?: unknown } | null | undefined

const isPublished = (doc: Status): boolean => doc?._status === 'published'
const hasDrafts = (doc: Status): boolean => doc !== null && doc !== undefined && '_status' in doc

async function recordChange(req: PayloadRequest, collection: SiteCollection, documentId: unknown): Promise<void> {
  await req.payload.create({
    collection: 'content-changes',
    data: { tag: CACHE_TAG_BY_COLLECTION[collection], documentId: String(documentId ?? '') },
    req,
    overrideAccess: true,
  })
}

export function contentChangeHooks(collection: SiteCollection): {
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  return {
    afterChange: async ({ doc, previousDoc, req }) => {
      // A draft saved over a draft changes nothing readers see; publishing, unpublishing, or editing a
      // collection without drafts does.
      const visible = !hasDrafts(doc) || isPublished(doc) || isPublished(previousDoc)
      if (visible) await recordChange(req, collection, doc.id)
      return doc
    },
    afterDelete: async ({ doc, req }) => {
      await recordChange(req, collection, doc?.id)
      return doc
    },
  }
}
