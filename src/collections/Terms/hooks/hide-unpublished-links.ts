// Anonymous readers get populated relationships only when the target is readable, but an unpopulated
// value (depth 0, or a draft the reader may not load) would still reveal the id of an unpublished
// document. This hook removes those ids for readers who are not signed in, whenever access control
// applies (trusted server code that overrides access, such as the importer, sees everything).
import type { CollectionAfterReadHook, CollectionSlug, PayloadRequest } from 'payload'

import type { Term } from '@/payload-types'

type DraftCollection = Extract<CollectionSlug, 'terms' | 'use-cases' | 'faqs'>
type LinkValue = string | { id: string } | null | undefined

const CACHE_KEY = 'publishedIdsByCollection'

/** Published ids per collection, looked up once per request however many documents it reads. */
async function publishedIds(req: PayloadRequest, collection: DraftCollection, ids: string[]): Promise<Set<string>> {
  const cache = (req.context[CACHE_KEY] ??= new Map()) as Map<string, Map<string, boolean>>
  const known = cache.get(collection) ?? new Map<string, boolean>()
  cache.set(collection, known)
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    const { docs } = await req.payload.find({
      collection,
      where: { and: [{ id: { in: unknown } }, { _status: { equals: 'published' } }] },
      select: {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    for (const id of unknown) known.set(id, found.has(id))
  }
  return new Set(ids.filter((id) => known.get(id)))
}

const bareIds = (values: LinkValue[]) => values.flatMap((value) => (typeof value === 'string' ? [value] : []))

async function keepReadable<T extends LinkValue>(
  req: PayloadRequest,
  collection: DraftCollection,
  values: T[] | null | undefined,
): Promise<T[] | null | undefined> {
  if (!values) return values
  const ids = bareIds(values)
  if (ids.length === 0) return values
  const readable = await publishedIds(req, collection, ids)
  return values.filter((value) => typeof value !== 'string' || readable.has(value))
}

export const hideUnpublishedLinks: CollectionAfterReadHook<Term> = async ({ doc, overrideAccess, req }) => {
  if (req.user || overrideAccess) return doc
  const [relatedTerms, useCases, faqs] = await Promise.all([
    keepReadable(req, 'terms', doc.relatedTerms),
    keepReadable(req, 'use-cases', doc.useCases),
    keepReadable(req, 'faqs', doc.faqs),
  ])
  let seeAlso = doc.seeAlso
  if (seeAlso) {
    const readable = await publishedIds(req, 'terms', bareIds(seeAlso.map((row) => row.term)))
    seeAlso = seeAlso.flatMap((row) => {
      if (typeof row.term !== 'string' || readable.has(row.term)) return [row]
      // A link to an unpublished term reads as its label or outside address alone, if it has one.
      return row.label || row.url ? [{ ...row, term: null }] : []
    })
  }
  return { ...doc, relatedTerms, useCases, faqs, seeAlso }
}
