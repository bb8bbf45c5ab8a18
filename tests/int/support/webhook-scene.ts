// The scene webhook tests set: one enabled endpoint at a time, terms the server publishes itself, and the
// jobs queue run until nothing is due (deliveries are jobs).
import type { Payload } from 'payload'

import { slugify } from '@/content-format/slugify'
import type { Category, User, WebhookEndpoint } from '@/payload-types'

import { createStaffUser, createTermQuietly, getTestPayload, QUIET } from './harness'
import { startReceiver, type Receiver } from './webhook-receiver'

export type WebhookScene = { payload: Payload; receiver: Receiver; category: Category; admin: User }

/** This file's Payload, a receiver listening, a category for the terms and an admin. */
export async function startWebhookScene(categoryName: string): Promise<WebhookScene> {
  const payload = await getTestPayload()
  const receiver = await startReceiver()
  const category = await payload.create({
    collection: 'categories',
    data: { name: categoryName, slug: slugify(categoryName) },
    ...QUIET,
  })
  const admin = await createStaffUser(payload, 'admin')
  return { payload, receiver, category, admin }
}

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
  return createTermQuietly(payload, { title, slug: slugify(title), definition: `${title}.`, category })
}

/** Runs the queue until no job is due, as the servers' polls would. */
export async function runDueJobs(payload: Payload): Promise<void> {
  for (let run = 0; run < 20; run += 1) {
    const result = await payload.jobs.run({ queue: 'default', overrideAccess: true, silent: true })
    if (result.noJobsRemaining) return
  }
}
