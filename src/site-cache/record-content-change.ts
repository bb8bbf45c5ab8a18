// Hooks for every collection the public site shows: a change that readers could see adds one row to the
// content-changes log, inside the same transaction as the change, naming the cache tags it makes stale
// (./cache-tags.ts). Every process that caches site data reads the log (./change-log.ts), so a change
// made anywhere (admin, API, scheduled job, import CLI, another instance) reaches every cache. Rows of
// terms, categories and providers also carry the event the v1 change feed lists (src/change-events/change-events.ts).
// Those events are also what webhooks deliver (src/webhooks/queue-deliveries.ts).
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
  Where,
} from 'payload'

import { writeLogRow } from '@/db/log-rows'
import { queueDeliveriesOfChange } from '@/webhooks/queue-deliveries'
import { WORKFLOW_CONTEXT } from '@/request-context/workflow-context'

import { tagsForChange, type SiteCollection } from './cache-tags'
import { FEED_COLLECTIONS, termEvent, type FeedCollection, type RecordedEvent } from '../change-events/change-events'

type Status = { _status?: unknown } | null | undefined

const isPublished = (doc: Status): boolean => doc?._status === 'published'
const hasDrafts = (doc: Status): boolean => doc !== null && doc !== undefined && '_status' in doc
/** Payload hands a create's "previous document" over as an empty object. */
const present = (doc: Record<string, unknown> | null | undefined) => (doc && doc.id !== undefined ? doc : null)

/** Only what was or is now public: a draft's fields must not leak into tags of the old live version. */
const publicSide = (doc: Record<string, unknown> | null | undefined) =>
  !present(doc) || (hasDrafts(doc) && !isPublished(doc)) ? null : doc

const isFeedCollection = (collection: SiteCollection): collection is FeedCollection =>
  (FEED_COLLECTIONS as readonly string[]).includes(collection)

const slugOf = (doc: Record<string, unknown> | null | undefined): string | null =>
  typeof doc?.slug === 'string' ? doc.slug : null

/**
 * Adds one row to the change log for `req`'s transaction; the hooks below call it, and bulk writes that
 * bypass them. `recorded` is the event the change feed lists, for terms, categories and providers.
 */
export async function recordChange(
  req: PayloadRequest,
  collection: SiteCollection,
  documentId: unknown,
  tags: string[],
  recorded?: RecordedEvent,
) {
  const now = new Date().toISOString()
  // Through the database adapter, in the change's transaction: a log row needs no hooks or read-back.
  await writeLogRow(req, 'content-changes', {
    sourceCollection: collection,
    documentId: String(documentId ?? ''),
    tags: tags.join(' '),
    ...(recorded ? { event: recorded.event, documentSlug: recorded.slug } : {}),
    createdAt: now,
    updatedAt: now,
  })
  // Rows with an event are what webhooks deliver, queued in the same transaction.
  if (recorded && isFeedCollection(collection))
    await queueDeliveriesOfChange(req, collection, String(documentId ?? ''), recorded, now)
}

/** The event of a change readers could see; none for collections the feed does not list. */
function eventOfChange(
  collection: SiteCollection,
  operation: 'create' | 'update',
  liveBefore: Record<string, unknown> | null,
  doc: Record<string, unknown>,
): RecordedEvent | undefined {
  if (collection === 'terms') {
    const event = termEvent(isPublished(liveBefore), isPublished(doc))
    if (!event) return undefined
    return { event, slug: event === 'unpublished' ? slugOf(liveBefore) : slugOf(doc) }
  }
  if (collection === 'categories' || collection === 'providers') {
    return { event: operation === 'create' ? 'published' : 'updated', slug: slugOf(doc) }
  }
  return undefined
}

/**
 * Documents a term's answer shows: FAQs and use cases in full, other terms as summaries (slug, title,
 * definition) among its related terms and see-also links. A change to one changes the answer of each
 * published term listing it, so each of those gets an `updated` event too.
 */
const LISTED_BY = {
  faqs: (id: unknown): Where[] => [{ faqs: { equals: id } }],
  'use-cases': (id: unknown): Where[] => [{ useCases: { equals: id } }],
  // One query per field: each is served by the index on the related id, where one OR of both is not.
  terms: (id: unknown): Where[] => [{ relatedTerms: { equals: id } }, { 'seeAlso.term': { equals: id } }],
} as const
type ListedCollection = keyof typeof LISTED_BY
const isListed = (collection: SiteCollection): collection is ListedCollection => collection in LISTED_BY

type ListingTerm = { id: string | number; slug: string }

async function publishedTermsListing(
  req: PayloadRequest,
  listed: ListedCollection,
  listedId: unknown,
): Promise<ListingTerm[]> {
  const listing = new Map<string, ListingTerm>()
  for (const listedBy of LISTED_BY[listed](listedId)) {
    const { docs } = await req.payload.find({
      collection: 'terms',
      where: { and: [listedBy, { _status: { equals: 'published' } }] },
      draft: false,
      depth: 0,
      pagination: false,
      select: { slug: true },
      overrideAccess: true,
      req,
    })
    for (const { id, slug } of docs) if (String(id) !== String(listedId)) listing.set(String(id), { id, slug })
  }
  return [...listing.values()]
}

/** Whether the summary other terms show of a term changed: it appeared, left, or changed a shown field. */
type Side = Record<string, unknown> | null | undefined

function termSummaryChanged(before: Side, after: Side): boolean {
  if (!before || !after) return !before !== !after
  return (['slug', 'title', 'definition'] as const).some((field) => before[field] !== after[field])
}

/** Whether to look for terms listing the document changed: a part is shown whole, a term as a summary. */
function listingMayChange(collection: ListedCollection, before: Side, after: Side) {
  return collection !== 'terms' || termSummaryChanged(before, after)
}

async function recordTermsUpdated(req: PayloadRequest, terms: readonly ListingTerm[], tags: string[]) {
  // The listed document's own tags: the caches of those terms are expired by them already, through its row.
  for (const term of terms) await recordChange(req, 'terms', term.id, tags, { event: 'updated', slug: term.slug })
}

const LIVE_BEFORE = 'cloudlex.liveBeforeChange'
const TERMS_LISTING_DELETED = 'cloudlex.termsListingDeletedDocument'

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
    select: {
      _status: true,
      slug: true,
      title: true,
      definition: true,
      category: true,
      providerEquivalents: { provider: true },
    },
  })
  const remembered = (req.context[LIVE_BEFORE] ??= new Map()) as Map<string, unknown>
  remembered.set(`${collection.slug}:${originalDoc.id}`, live)
}

/**
 * A deleted document may no longer be listed once it is gone (SQLite drops the relationship rows with it): read
 * before.
 */
const rememberTermsListing: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const listed = collection.slug as SiteCollection
  if (!isListed(listed)) return
  const remembered = (req.context[TERMS_LISTING_DELETED] ??= new Map()) as Map<string, ListingTerm[]>
  remembered.set(`${listed}:${id}`, await publishedTermsListing(req, listed, id))
}

function takeTermsListing(req: PayloadRequest, listed: ListedCollection, id: unknown): ListingTerm[] {
  const remembered = req.context[TERMS_LISTING_DELETED] as Map<string, ListingTerm[]> | undefined
  const key = `${listed}:${String(id)}`
  const terms = remembered?.get(key) ?? []
  remembered?.delete(key)
  return terms
}

export function contentChangeHooks(collection: SiteCollection): {
  beforeChange: CollectionBeforeChangeHook
  afterChange: CollectionAfterChangeHook
  beforeDelete: CollectionBeforeDeleteHook
  afterDelete: CollectionAfterDeleteHook
} {
  return {
    beforeChange: rememberLiveVersion,
    afterChange: async ({ doc, operation, previousDoc, req }) => {
      const remembered = req.context[LIVE_BEFORE] as Map<string, Record<string, unknown> | null> | undefined
      const liveBefore = remembered?.get(`${collection}:${doc.id}`) ?? null
      // A draft save leaves the live version as it was; any other write publishes, unpublishes or edits it.
      const savingDraft = req.context[WORKFLOW_CONTEXT.savingDraft] === true
      const visible =
        !hasDrafts(doc) || (!savingDraft && (isPublished(doc) || isPublished(liveBefore) || isPublished(previousDoc)))
      if (visible) {
        const tags = new Set([
          ...tagsForChange(collection, publicSide(liveBefore), publicSide(doc)),
          ...tagsForChange(collection, publicSide(previousDoc), null),
        ])
        await recordChange(req, collection, doc.id, [...tags], eventOfChange(collection, operation, liveBefore, doc))
        // A document just created is listed by no term yet, except by terms a bulk write stored with it,
        // which have events of their own: the import writes thousands of them, each spared a query.
        if (
          isListed(collection) &&
          operation === 'update' &&
          listingMayChange(collection, publicSide(liveBefore), publicSide(doc))
        ) {
          await recordTermsUpdated(req, await publishedTermsListing(req, collection, doc.id), [...tags])
        }
      }
      return doc
    },
    beforeDelete: rememberTermsListing,
    afterDelete: async ({ doc, req }) => {
      const tags = tagsForChange(collection, doc, null)
      const leaves = collection === 'terms' || collection === 'categories' || collection === 'providers'
      await recordChange(req, collection, doc?.id, tags, leaves ? { event: 'deleted', slug: slugOf(doc) } : undefined)
      if (isListed(collection)) {
        const listing = takeTermsListing(req, collection, doc?.id)
        // A term that was not public was shown by no other term (their links to it are hidden).
        if (collection !== 'terms' || isPublished(doc)) await recordTermsUpdated(req, listing, tags)
      }
      return doc
    },
  }
}
