// Keeps the history of anything readers have seen: deleting a document that was ever published (even
// one since unpublished and reopened as a draft) is for editors and admins, single or bulk, on every
// route. The access rule filters on the first-publish date; these hooks give a single delete a message
// that says who may, and also catch documents published before that date was kept (a published
// version, or a live document, tells).
import {
  APIError,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type PayloadRequest,
} from 'payload'

import { FIRST_PUBLISHED_FIELD } from '@/access/content-access'
import { describeRoles, hasRole, PUBLISHER_ROLES } from '@/access/roles'

/** Request-context key: the delete runs with access control on (the Local API may turn it off). */
const DELETE_RULES_APPLY = 'workflowDeleteRulesApply'

export async function wasEverPublished(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string | number,
): Promise<boolean> {
  const stored = (await req.payload.findByID({
    collection,
    id,
    draft: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Record<string, unknown> | null
  if (!stored) return false
  if (stored._status === 'published' || stored[FIRST_PUBLISHED_FIELD]) return true
  const published = await req.payload.countVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    req,
  })
  return published.totalDocs > 0
}

const mayDeletePublishedHistory = (req: PayloadRequest) => hasRole(req.user, ...PUBLISHER_ROLES)

const publishedHistoryRefusal = () =>
  new APIError(
    `Only ${describeRoles(PUBLISHER_ROLES)} can delete a document that has been published, even if it is unpublished now.`,
    403,
  )

/** A single delete (by id) learns why it is refused before the access rule answers with a bare 403. */
export const guardSingleDelete: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'delete') return args
  req.context[DELETE_RULES_APPLY] = !overrideAccess
  const { id } = args as { id?: string | number }
  if (overrideAccess || id === undefined || !req.user || mayDeletePublishedHistory(req)) return args
  if (await wasEverPublished(req, collection.slug as CollectionSlug, id)) throw publishedHistoryRefusal()
  return args
}

/** Every document a delete reaches, bulk deletes included. */
export const refuseDeletingPublishedHistory: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  if (req.context[DELETE_RULES_APPLY] !== true || mayDeletePublishedHistory(req)) return
  if (await wasEverPublished(req, collection.slug as CollectionSlug, id)) throw publishedHistoryRefusal()
}
