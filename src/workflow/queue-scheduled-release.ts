import type { CollectionAfterChangeHook } from 'payload'

import { recordAuditEntry } from '@/audit/record-audit-entry'
import type { Release } from '@/payload-types'

export const PUBLISH_RELEASE_TASK = 'publishRelease'

/**
 * A release given a time is queued on the jobs queue, to run as the user who scheduled it. Moving the
 * time queues a new job; the old one finds the release already handled or no longer due and stops.
 */
export const queueScheduledRelease: CollectionAfterChangeHook<Release> = async ({ doc, previousDoc, req }) => {
  if (req.context.releaseRun) return doc
  if (!doc.publishAt || doc.status === 'published') return doc
  if (previousDoc?.publishAt === doc.publishAt && previousDoc?.status === 'scheduled') return doc
  await req.payload.jobs.queue({
    task: PUBLISH_RELEASE_TASK,
    input: { release: doc.id, publishAt: doc.publishAt, user: req.user ? String(req.user.id) : null },
    waitUntil: new Date(doc.publishAt),
    req,
  })
  await req.payload.update({
    collection: 'releases',
    id: doc.id,
    data: { status: 'scheduled', scheduledBy: req.user?.id ?? null },
    req,
    context: { releaseRun: true },
  })
  await recordAuditEntry(req, {
    action: 'schedule',
    targetCollection: 'releases',
    targetId: doc.id,
    targetTitle: doc.name,
    note: `Release to publish at ${doc.publishAt}.`,
  })
  return { ...doc, status: 'scheduled' }
}
