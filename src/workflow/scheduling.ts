// Scheduled publish and unpublish run on Payload's jobs queue inside the app process. Payload queues a
// job with the scheduling user and the job publishes as that user, so the workflow rules apply when it
// runs: an unapproved document, or a user who may not publish, makes the job fail instead of publishing.
// The admin only offers scheduling to users whose update access allows publishing (editors, admins).
import type { JobsConfig, TaskConfig } from 'payload'

import { PUBLISH_RELEASE_TASK } from '@/workflow/queue-scheduled-release'
import { webhookTasks } from '@/webhooks/deliver-webhook'

import { mayManageJobs, cloudlexJobsCollection } from './jobs-collection'
import { publishRelease } from './publish-release'

type PublishReleaseIO = {
  input: { release: string; publishAt?: string | null; user?: string | null }
  output: { outcome: string }
}

/** Publishes a scheduled release as the user who scheduled it; a release moved or already out is left alone. */
const publishReleaseTask: TaskConfig<PublishReleaseIO> = {
  slug: PUBLISH_RELEASE_TASK,
  retries: 0,
  inputSchema: [
    { name: 'release', type: 'text', required: true },
    { name: 'publishAt', type: 'text' },
    { name: 'user', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const release = await req.payload.findByID({ collection: 'releases', id: input.release, depth: 0 })
    if (release.status === 'published' || release.publishAt !== input.publishAt) {
      return { output: { outcome: 'skipped: release already published or rescheduled' } }
    }
    const user = input.user
      ? {
          ...(await req.payload.findByID({ collection: 'users', id: input.user, depth: 0 })),
          collection: 'users' as const,
        }
      : null
    const outcome = await publishRelease(req.payload, input.release, user)
    if (!outcome.published) throw new Error(outcome.reason)
    return { output: { outcome: `published ${outcome.count} documents` } }
  },
}

export const jobsConfig: JobsConfig = {
  // Queueing stays open to staff: the Schedule dialog queues as the user, and a job publishes only what
  // that user may publish when it runs.
  access: { run: mayManageJobs, cancel: mayManageJobs },
  // No autoRun: Payload's own runner can run a job twice when several instances poll (src/jobs/job-leases.ts).
  // Each server polls instead (src/server/internal-polls.ts), unless CLOUDLEX_JOBS=off; tests and command-line
  // tools run jobs themselves, or not at all.
  // Webhook deliveries share the queue and the servers' polls (src/webhooks/deliver-webhook.ts).
  tasks: [publishReleaseTask, ...webhookTasks()],
  // Payload's Schedule dialog queues a job and nothing else, so the audit log learns of a schedule
  // through hooks on the jobs collection; Payload runs those only with runHooks (jobs then go through
  // regular collection operations, a little slower). With runHooks, `jobs.runByID` returns without
  // running anything in 3.90 (payloadcms/payload#15825): run jobs with `jobs.run`.
  runHooks: true,
  jobsCollectionOverrides: cloudlexJobsCollection,
}
