// Anonymous readers get populated relationships only when the target is readable, but an unpopulated
// value (depth 0, or a draft the reader may not load) would still reveal the id of an unpublished
// document. This hook removes those ids for readers who are not signed in, whenever access control
// applies (trusted server code that overrides access, such as the importer, sees everything).
//
// Whether the reader may load an id is asked through the request's DataLoader, with the reader's own
// access: every term of a list asks at once, so a page of 100 terms costs one small query per collection
// rather than one per term, and an id asked twice in a request is answered once. GraphQL never hands out
// a relationship's bare id: its resolvers load each related document with the reader's access and leave
// out what the reader may not read, so there only see-also rows need this hook.
import {
  createDataloaderCacheKey,
  type CollectionAfterReadHook,
  type CollectionSlug,
  type PayloadRequest,
} from 'payload'

import { isStaffAccount } from '@/access/roles'
import type { Term } from '@/payload-types'

type LinkValue = string | { id: string } | null | undefined

/** The least a lookup can read: whether the document is there for this reader at all. */
const READABILITY_SELECT = { _status: true } as const

function readableBy(req: PayloadRequest, collection: CollectionSlug, id: string): Promise<boolean> {
  const key = createDataloaderCacheKey({
    collectionSlug: collection,
    docID: id,
    currentDepth: 1,
    depth: 0,
    draft: false,
    // As Payload's own relationship population passes them (this config has no localization).
    locale: req.locale as string,
    fallbackLocale: req.fallbackLocale ?? null,
    overrideAccess: false,
    select: READABILITY_SELECT,
    showHiddenFields: false,
    transactionID: req.transactionID as string,
  })
  return req.payloadDataLoader.load(key).then(Boolean)
}

/** The ids among `ids` the reader may read. */
async function readableIds(req: PayloadRequest, collection: CollectionSlug, ids: string[]): Promise<Set<string>> {
  const readable = await Promise.all(ids.map((id) => readableBy(req, collection, id)))
  return new Set(ids.filter((_, index) => readable[index]))
}

const bareIds = (values: LinkValue[]) => values.flatMap((value) => (typeof value === 'string' ? [value] : []))

async function keepReadable<T extends LinkValue>(
  req: PayloadRequest,
  collection: CollectionSlug,
  values: T[],
): Promise<T[]> {
  const ids = bareIds(values)
  if (ids.length === 0) return values
  const readable = await readableIds(req, collection, ids)
  return values.filter((value) => typeof value !== 'string' || readable.has(value))
}

type SeeAlsoRow = NonNullable<Term['seeAlso']>[number]

async function keepReadableSeeAlso(req: PayloadRequest, rows: SeeAlsoRow[]): Promise<SeeAlsoRow[]> {
  const ids = bareIds(rows.map((row) => row.term))
  if (ids.length === 0) return rows
  const readable = await readableIds(req, 'terms', ids)
  return rows.flatMap((row) => {
    if (typeof row.term !== 'string' || readable.has(row.term)) return [row]
    // A link to an unpublished term reads as its label or outside address alone, if it has one.
    return row.label || row.url ? [{ ...row, term: null }] : []
  })
}

export const hideUnpublishedLinks: CollectionAfterReadHook<Term> = async ({ doc, overrideAccess, req }) => {
  if (isStaffAccount(req.user) || overrideAccess) return doc
  const resolvedWithAccess = req.payloadAPI === 'GraphQL'
  // Documents read with a `select` or populated with `defaultPopulate` may carry none of these fields.
  const [relatedTerms, useCases, faqs, seeAlso] = await Promise.all([
    !resolvedWithAccess && doc.relatedTerms && keepReadable(req, 'terms', doc.relatedTerms),
    !resolvedWithAccess && doc.useCases && keepReadable(req, 'use-cases', doc.useCases),
    !resolvedWithAccess && doc.faqs && keepReadable(req, 'faqs', doc.faqs),
    doc.seeAlso && keepReadableSeeAlso(req, doc.seeAlso),
  ])
  return {
    ...doc,
    ...(relatedTerms ? { relatedTerms } : {}),
    ...(useCases ? { useCases } : {}),
    ...(faqs ? { faqs } : {}),
    ...(seeAlso ? { seeAlso } : {}),
  }
}
