// Payload's jobs collection with what Cloudlex adds: the audit of single-document schedules. Those hooks
// only run when the jobs queue writes through regular collection operations (`jobs.runHooks`), and
// that mode needs one repair in Payload 3.90, below.
import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'

import { recordCancelledSchedule, recordQueuedSchedule } from '@/audit/schedule-audit-hooks'

type LogAppend = { $push: unknown }
const isLogAppend = (value: unknown): value is LogAppend =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && '$push' in value

/**
 * The runner appends to a job's log with `{ $push: entry }` and clears `updatedAt` with null, both of
 * which only its direct database path understands. Through a regular update the log would fail
 * validation ("Status > Log") and every job would end as failed, so spell out the whole log instead.
 */
const expandLogAppend: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  if (isLogAppend(data.log)) {
    const appended = Array.isArray(data.log.$push) ? data.log.$push : [data.log.$push]
    const existing = Array.isArray(originalDoc?.log) ? (originalDoc.log as unknown[]) : []
    data.log = [...existing, ...appended]
  }
  if (data.updatedAt === null) delete data.updatedAt
  return data
}

export function withScheduleAudit({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig {
  const hooks = defaultJobsCollection.hooks ?? {}
  return {
    ...defaultJobsCollection,
    hooks: {
      ...hooks,
      beforeValidate: [...(hooks.beforeValidate ?? []), expandLogAppend],
      afterChange: [...(hooks.afterChange ?? []), recordQueuedSchedule],
      afterDelete: [...(hooks.afterDelete ?? []), recordCancelledSchedule],
    },
  }
}
