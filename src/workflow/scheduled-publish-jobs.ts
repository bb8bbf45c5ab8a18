// Reading the jobs Payload queues for a scheduled publish or unpublish of one document (its Schedule
// dialog, `versions.drafts.schedulePublish`). Jobs are outside the generated types; this is their shape.
import type { CollectionSlug } from 'payload'

export const SCHEDULE_PUBLISH_TASK = 'schedulePublish'

type RelationValue = string | number | { id: string | number }
type Relation = { relationTo: string; value: RelationValue }

export type ScheduleJob = {
  id: string | number
  taskSlug?: string | null
  waitUntil?: string | null
  completedAt?: string | null
  hasError?: boolean | null
  input?: { type?: 'publish' | 'unpublish' | null; doc?: Relation | null; user?: Relation | null } | null
}

export const relationIdOf = (relation: Relation) =>
  String(typeof relation.value === 'object' ? relation.value.id : relation.value)

/**
 * The document a schedule job targets; null for other jobs and for the empty job Payload's dialog queues after
 * a removal.
 */
export function scheduledDocumentOf(job: ScheduleJob): { collection: CollectionSlug; id: string } | null {
  if (job.taskSlug !== SCHEDULE_PUBLISH_TASK || !job.input?.doc) return null
  return { collection: job.input.doc.relationTo as CollectionSlug, id: relationIdOf(job.input.doc) }
}

/** Payload treats a job without a type as a publish. */
export const scheduleTypeOf = (job: ScheduleJob): 'publish' | 'unpublish' =>
  job.input?.type === 'unpublish' ? 'unpublish' : 'publish'
