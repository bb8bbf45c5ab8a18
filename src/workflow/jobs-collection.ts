// Payload's jobs collection with what Cloudlex adds: who may run and cancel jobs, the audit of single-document
// schedules, and the lease that lets one instance at a time run a job (src/jobs/job-leases.ts). Those hooks
// only run when the jobs queue writes through regular collection operations (`jobs.runHooks`), and that mode
// needs one repair in Payload 3.90, below.
import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type CollectionConfig,
  type PayloadRequest,
} from 'payload'

import { isEditorOrAdmin } from '@/access/content-access'
import { recordCancelledSchedule, recordQueuedSchedule } from '@/workflow/schedule-audit-hooks'

import { leaseFields } from '../jobs/job-leases'

/**
 * Running the queue (`GET /api/payload-jobs/run`) and cancelling jobs is for the people who may publish:
 * Payload's default lets any signed-in user do both.
 */
export const mayManageJobs = ({ req }: { req: PayloadRequest }): boolean => isEditorOrAdmin({ req }) === true

/**
 * Payload's Schedule dialog removes a schedule by deleting its job through the Local API, which skips
 * the collection's access rules and `jobs.access.cancel`, and only asks that the caller may use the
 * admin. Refused here for signed-in people who may not publish; the runner, which deletes finished
 * jobs without a user, is not affected.
 */
const refuseDeleteByNonPublishers: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation === 'delete' || operation === 'deleteByID') && req.user && !mayManageJobs({ req })) {
    throw new APIError('Only editors and admins may cancel a scheduled publish or unpublish.', 403, undefined, true)
  }
  return args
}

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

export function cloudlexJobsCollection({
  defaultJobsCollection,
}: {
  defaultJobsCollection: CollectionConfig
}): CollectionConfig {
  const hooks = defaultJobsCollection.hooks ?? {}
  return {
    ...defaultJobsCollection,
    fields: [...defaultJobsCollection.fields, ...leaseFields],
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), refuseDeleteByNonPublishers],
      beforeValidate: [...(hooks.beforeValidate ?? []), expandLogAppend],
      afterChange: [...(hooks.afterChange ?? []), recordQueuedSchedule],
      afterDelete: [...(hooks.afterDelete ?? []), recordCancelledSchedule],
    },
  }
}
