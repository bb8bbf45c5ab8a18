// The jobs of webhooks, on Payload's queue: the sweep that queues one delivery job per new pending
// delivery (./queue-deliveries.ts), and the delivery job. A delivery job makes one attempt per run and
// records it in the delivery log; a failed attempt throws, and Payload runs the job again after an
// exponential backoff (CLOUDLEX_WEBHOOKS_RETRY_*), under the same webhook-id. A refused destination is
// recorded as failed and ends the job: asking again would be refused again.
import type { JobsConfig, PayloadRequest, TaskConfig } from 'payload'

import { readWebhookSettings, type WebhookSettings } from '@/config/env'
import type { WebhookDelivery, WebhookEndpoint } from '@/payload-types'

import { postDelivery, type AttemptOutcome } from './post-delivery'
import { RefusedDestination, vetDestination } from './public-destination'
import { DELIVER_WEBHOOK_TASK, QUEUE_WEBHOOK_DELIVERIES_TASK, queueDeliveryJobs } from './queue-deliveries'
import { deliveryHeaders, secretsInUse } from './sign-delivery'

type DeliverIO = { input: { delivery: string }; output: { outcome: string } }
type SweepIO = { input: Record<string, never>; output: { queued: number } }

type Attempt = AttemptOutcome & { final: boolean }

async function attempt(
  delivery: WebhookDelivery,
  endpoint: WebhookEndpoint,
  settings: WebhookSettings,
): Promise<AttemptOutcome> {
  const url = new URL(endpoint.url)
  const destination = await vetDestination(url, { allowPrivate: settings.allowPrivateAddresses })
  const now = new Date()
  const headers = deliveryHeaders(
    delivery.webhookId,
    delivery.body,
    secretsInUse({ ...endpoint, secret: endpoint.secret ?? '' }, now),
    now,
  )
  return postDelivery(url, destination, { body: delivery.body, headers, timeoutMs: settings.timeoutMs })
}

/** The wait Payload's exponential backoff gives before the next run of a job that has failed `tried` times. */
export const backoffMs = (settings: WebhookSettings, tried: number) => 2 ** tried * settings.retryDelayMs

async function recordAttempt(
  req: PayloadRequest,
  delivery: WebhookDelivery,
  outcome: Attempt,
  nextAttemptAt: Date | null,
) {
  const now = new Date().toISOString()
  const status = outcome.delivered ? 'delivered' : outcome.final ? 'failed' : 'pending'
  // Outside the job's transaction: the job's own failure must not take the record of the attempt with it.
  await req.payload.db.updateOne({
    collection: 'webhook-deliveries',
    id: delivery.id,
    data: {
      status,
      attempts: (delivery.attempts ?? 0) + 1,
      lastResponseCode: outcome.status,
      lastError: outcome.error,
      lastAttemptAt: now,
      nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
      ...(outcome.delivered ? { deliveredAt: now } : {}),
      updatedAt: now,
    },
    returning: false,
  })
}

async function deliver(
  req: PayloadRequest,
  deliveryId: string,
  job: { id: string | number; tried: number },
  settings: WebhookSettings,
): Promise<string> {
  const delivery =
    (await req.payload.db.findOne<WebhookDelivery>({
      collection: 'webhook-deliveries',
      where: { id: { equals: deliveryId } },
    })) ?? null
  if (!delivery) return 'skipped: the delivery was deleted'
  if (delivery.deliveryJob !== String(job.id)) return 'skipped: another job owns the delivery'
  const tried = job.tried
  // A deleted endpoint leaves its deliveries in the log with no endpoint.
  const endpointId = typeof delivery.endpoint === 'object' ? delivery.endpoint?.id : delivery.endpoint
  const endpoint = endpointId
    ? await req.payload.db.findOne<WebhookEndpoint>({
        collection: 'webhook-endpoints',
        where: { id: { equals: endpointId } },
      })
    : null
  if (!endpoint || !endpoint.enabled) {
    await recordAttempt(
      req,
      delivery,
      {
        delivered: false,
        status: null,
        error: endpoint ? 'The endpoint is disabled.' : 'The endpoint was deleted.',
        final: true,
      },
      null,
    )
    return 'not sent: endpoint disabled or deleted'
  }
  let outcome: AttemptOutcome
  try {
    outcome = await attempt(delivery, endpoint, settings)
  } catch (error) {
    if (error instanceof RefusedDestination) {
      await recordAttempt(req, delivery, { delivered: false, status: null, error: error.message, final: true }, null)
      return `refused: ${error.message}`
    }
    // A name that does not resolve now may resolve later: a failed attempt like any other.
    outcome = {
      delivered: false,
      status: null,
      error: error instanceof Error ? error.message.slice(0, 200) : String(error),
    }
  }
  if (outcome.delivered) {
    await recordAttempt(req, delivery, { ...outcome, final: true }, null)
    return `delivered: ${outcome.status}`
  }
  const final = tried >= settings.retryAttempts
  await recordAttempt(
    req,
    delivery,
    { ...outcome, final },
    final ? null : new Date(Date.now() + backoffMs(settings, tried)),
  )
  throw new Error(outcome.error ?? 'Not delivered.')
}

/** The retry settings are fixed when the config is built; the rest are read at each attempt. */
export function webhookTasks(settings: WebhookSettings = readWebhookSettings()): NonNullable<JobsConfig['tasks']> {
  const deliverTask: TaskConfig<DeliverIO> = {
    slug: DELIVER_WEBHOOK_TASK,
    retries: { attempts: settings.retryAttempts, backoff: { type: 'exponential', delay: settings.retryDelayMs } },
    inputSchema: [{ name: 'delivery', type: 'text', required: true }],
    handler: async ({ input, job, req }) => ({
      output: {
        outcome: await deliver(req, input.delivery, { id: job.id, tried: job.totalTried ?? 0 }, readWebhookSettings()),
      },
    }),
  }
  const sweepTask: TaskConfig<SweepIO> = {
    slug: QUEUE_WEBHOOK_DELIVERIES_TASK,
    retries: 3,
    handler: async ({ req }) => ({ output: { queued: await queueDeliveryJobs(req) } }),
  }
  return [deliverTask, sweepTask]
}
