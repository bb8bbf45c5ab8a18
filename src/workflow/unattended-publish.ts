// Publishes that run without anyone looking at the document: a release, and Payload's scheduled publish
// of one document. They publish the approved content only (./approved-revision.ts), whoever runs them.
//
// Admin override: an admin may publish unapproved content, but only as a deliberate act on the document
// itself, recorded in its review thread. A release or a schedule was set up earlier, for the content as
// it was then; letting it override would publish edits nobody approved, so unattended publishes never do.
import { AsyncLocalStorage } from 'node:async_hooks'

import { APIError, type PayloadRequest, type SanitizedConfig, type TaskHandler } from 'payload'

import { SCHEDULE_PUBLISH_TASK } from './scheduled-publish-jobs'

/** Request-context key a release sets on the writes that publish its documents. */
export const UNATTENDED_PUBLISH_CONTEXT = 'unattendedPublish'

// Payload's schedulePublish task calls the Local API without a request of its own to pass a context
// through, so its writes are recognised by running the task inside this scope.
const scheduledPublishScope = new AsyncLocalStorage<true>()
const WRAPPED = Symbol.for('cloudlex.unattended-scheduled-publish')

/** A release or a scheduled publish refused a document; the message names it and says why. */
export class UnattendedPublishRefusedError extends APIError {
  constructor(message: string) {
    super(message, 409, undefined, true)
  }
}

export function isUnattendedPublish(req: PayloadRequest): boolean {
  return Boolean(req.context[UNATTENDED_PUBLISH_CONTEXT]) || scheduledPublishScope.getStore() === true
}

/** Runs Payload's schedulePublish task (added to the config by Payload itself) as an unattended publish. */
export function treatScheduledPublishesAsUnattended(config: SanitizedConfig): void {
  const task = config.jobs?.tasks?.find(({ slug }) => slug === SCHEDULE_PUBLISH_TASK) as
    ({ handler: TaskHandler<never>; [WRAPPED]?: true } & object) | undefined
  if (!task || task[WRAPPED] || typeof task.handler !== 'function') return
  const handler = task.handler
  task.handler = (args) => scheduledPublishScope.run(true, () => handler(args))
  task[WRAPPED] = true
}
