// Publishes every document of a release together: one transaction, as the releasing user, so the
// workflow rules apply to each document; if any one fails, none is published and the reason is kept.
import {
  APIError,
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type TypedUser,
} from 'payload'

import { recordAuditEntry } from '@/audit/record-audit-entry'
import type { Release } from '@/payload-types'

import { UNATTENDED_PUBLISH_CONTEXT, UnattendedPublishRefusedError } from './unattended-publish'

export type ReleaseOutcome = { published: true; count: number } | { published: false; reason: string }

type ReleaseItem = NonNullable<Release['items']>[number]

function describeItem(item: ReleaseItem): { collection: 'terms' | 'use-cases' | 'faqs'; id: string } {
  const value = item.document.value
  return { collection: item.document.relationTo, id: typeof value === 'object' ? value.id : value }
}

function reasonOf(error: unknown, collection: string, id: string): string {
  if (error instanceof UnattendedPublishRefusedError) return error.message
  const data = (error as { data?: { errors?: { path: string; message: string }[] } }).data
  const details = data?.errors?.map((fieldError) => `${fieldError.path}: ${fieldError.message}`).join('; ')
  const message = error instanceof Error ? error.message : String(error)
  return `${collection} ${id}: ${details ? `${message} (${details})` : message}`
}

/** Publishes the items in the transaction of `req`, stopping at the first that fails; returns why it failed. */
async function publishItems(
  payload: Payload,
  req: PayloadRequest,
  releaseId: string,
  user: TypedUser | null,
  items: ReleaseItem[],
): Promise<string | null> {
  for (const item of items) {
    const { collection, id } = describeItem(item)
    try {
      await payload.update({
        collection,
        id,
        data: { _status: 'published' },
        user: user ?? undefined,
        overrideAccess: !user,
        req,
        // Publishes only what was approved, unchanged since, even for an admin (./unattended-publish.ts).
        context: { release: releaseId, [UNATTENDED_PUBLISH_CONTEXT]: true },
      })
    } catch (error) {
      return reasonOf(error, collection, id)
    }
  }
  return null
}

export async function publishRelease(
  payload: Payload,
  releaseId: string,
  user: TypedUser | null,
): Promise<ReleaseOutcome> {
  const release = await payload.findByID({ collection: 'releases', id: releaseId, depth: 0 })
  if (release.status === 'published') throw new APIError('This release is already published.', 400)
  const items = release.items ?? []
  if (items.length === 0) throw new APIError('A release needs at least one document.', 400)

  const req = await createLocalReq({ user: user ?? undefined }, payload)
  await initTransaction(req)
  const failure = await publishItems(payload, req, releaseId, user, items)

  const target = { targetCollection: 'releases', targetId: releaseId, targetTitle: release.name }
  if (failure) {
    await killTransaction(req)
    const failedReq = await createLocalReq({ user: user ?? undefined, context: { releaseRun: true } }, payload)
    await payload.update({
      collection: 'releases',
      id: releaseId,
      data: { status: 'failed', failureReason: failure },
      req: failedReq,
      context: { releaseRun: true },
    })
    await recordAuditEntry(failedReq, { action: 'release', ...target, note: `Not published: ${failure}` })
    return { published: false, reason: failure }
  }
  await recordAuditEntry(req, { action: 'release', ...target, note: `Published ${items.length} documents together.` })
  await payload.update({
    collection: 'releases',
    id: releaseId,
    data: { status: 'published', publishedAt: new Date().toISOString(), failureReason: null },
    req,
    context: { releaseRun: true },
  })
  await commitTransaction(req)
  return { published: true, count: items.length }
}
