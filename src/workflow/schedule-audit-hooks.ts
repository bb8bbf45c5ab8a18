// Audit entries for single-document schedules. Payload's Schedule dialog writes a `schedulePublish` job
// straight into the jobs collection, so these hooks sit on that collection: queuing a schedule records
// `schedule`, and removing one before it ran records the cancellation. They run inside the job's own
// create or delete, so the job and its entry are stored together or not at all.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest } from 'payload'

import { relationIdOf, scheduledDocumentOf, scheduleTypeOf, type ScheduleJob } from '@/workflow/scheduled-publish-jobs'

import { actorOf, recordAuditEntry, type AuditActor } from '../audit/record-audit-entry'

async function titleOf(req: PayloadRequest, collection: CollectionSlug, id: string): Promise<string | undefined> {
  const titleField = req.payload.collections[collection]?.config.admin.useAsTitle
  const doc = await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  const title = doc && titleField ? (doc as unknown as Record<string, unknown>)[titleField] : undefined
  return typeof title === 'string' || typeof title === 'number' ? String(title) : undefined
}

/**
 * The person the job will publish as. The admin's handler queues with a request of its own that has no
 * user, so the job's input is the only place that names them.
 */
async function schedulerOf(req: PayloadRequest, job: ScheduleJob): Promise<AuditActor> {
  const scheduler = job.input?.user
  if (!scheduler) return actorOf(req.user)
  const userId = relationIdOf(scheduler)
  const user = await req.payload.findByID({
    collection: scheduler.relationTo as CollectionSlug,
    id: userId,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  const email = (user as { email?: unknown } | null)?.email
  return { type: 'user', userId, label: typeof email === 'string' && email ? email : userId }
}

const scheduleSummary = (job: ScheduleJob) =>
  `${scheduleTypeOf(job)} at ${job.waitUntil ?? 'once the job runner picks it up'}`

export const recordQueuedSchedule: CollectionAfterChangeHook<ScheduleJob> = async ({ doc, operation, req }) => {
  const target = operation === 'create' ? scheduledDocumentOf(doc) : null
  if (!target) return doc
  await recordAuditEntry(req, {
    action: 'schedule',
    actor: await schedulerOf(req, doc),
    targetCollection: target.collection,
    targetId: target.id,
    targetTitle: await titleOf(req, target.collection, target.id),
    note: `Scheduled ${scheduleSummary(doc)}.`,
  })
  return doc
}

/** The runner deletes jobs it completed; only a schedule removed before it ran was cancelled. */
export const recordCancelledSchedule: CollectionAfterDeleteHook<ScheduleJob> = async ({ doc, req }) => {
  const target = scheduledDocumentOf(doc)
  if (!target || doc.completedAt) return
  await recordAuditEntry(req, {
    action: 'schedule',
    targetCollection: target.collection,
    targetId: target.id,
    targetTitle: await titleOf(req, target.collection, target.id),
    note: `Cancelled the scheduled ${scheduleSummary(doc)}.`,
  })
}
