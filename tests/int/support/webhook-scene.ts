// The scene webhook tests set: one enabled endpoint at a time, terms the server publishes itself, and the
// jobs queue run until nothing is due (deliveries are jobs).
import type { Payload } from 'payload'

import { slugify } from '@/content-format/slugify'
import type { Category, WebhookEndpoint } from '@/payload-types'

/** Setting the scene is no part of the audit trail. */
export const QUIET = { context: { skipAudit: true }, depth: 0 } as const

/** The only enabled endpoint from now on. */
export async function onlyEnabledEndpoint(
  payload: Payload,
  data: Partial<WebhookEndpoint> & Pick<WebhookEndpoint, 'url'>,
): Promise<WebhookEndpoint> {
  await payload.db.updateMany({
    collection: 'webhook-endpoints',
    where: { id: { exists: true } },
    data: { enabled: false },
  })
  return payload.create({ collection: 'webhook-endpoints', data: { enabled: true, ...data } as WebhookEndpoint })
}

/** A term published at once by the server itself, outside the audit trail. */
export function publishQuietly(payload: Payload, category: Category, title: string) {
  return payload.create({
    collection: 'terms',
    data: {
      title,
      slug: slugify(title),
      definition: `${title}.`,
      category: category.id,
      difficulty: 'beginner',
      _status: 'published',
    } as never,
    ...QUIET,
  })
}

/** Runs the queue until no job is due, as the servers' polls would. */
export async function runDueJobs(payload: Payload): Promise<void> {
  for (let run = 0; run < 20; run += 1) {
    const result = await payload.jobs.run({ queue: 'default', overrideAccess: true, silent: true })
    if (result.noJobsRemaining) return
  }
}
