// Queues the deliveries of a recorded change. The change's own transaction only adds rows: one pending
// delivery per subscribed endpoint (through the log-row path, so a bulk import stores a whole batch's
// deliveries at once) and, once per transaction, a job that queues a delivery job for each new pending
// row. A rolled-back change leaves neither; the editor's save never waits for a receiver; an import of
// thousands of terms adds one job, not one per term, and the jobs are created later, off its path.
import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { writeLogRow } from '@/db/log-rows'
import type { WebhookEndpoint } from '@/payload-types'
import type { FeedCollection, RecordedEvent } from '@/change-events/change-events'
import { JOBS_QUEUE } from '@/jobs/job-leases'

import { webhookBody, eventType } from './webhook-events'

export const DELIVER_WEBHOOK_TASK = 'deliverWebhook'
export const QUEUE_WEBHOOK_DELIVERIES_TASK = 'queueWebhookDeliveries'

type Subscription = Pick<WebhookEndpoint, 'id' | 'events' | 'collections'>

// Keyed by the request itself: callers may hand the same context object to many requests.
const endpointsByRequest = new WeakMap<PayloadRequest, Promise<Subscription[]>>()
const sweepQueuedByRequest = new WeakMap<PayloadRequest, string>()

/** Enabled endpoints, read once per request: an import records thousands of changes in one. */
function enabledEndpoints(req: PayloadRequest): Promise<Subscription[]> {
  const cached = endpointsByRequest.get(req)
  if (cached) return cached
  const reading = req.payload.db
    .find<Subscription>({
      collection: 'webhook-endpoints',
      where: { enabled: { equals: true } },
      pagination: false,
      req,
    })
    .then(({ docs }) => docs)
  endpointsByRequest.set(req, reading)
  return reading
}

/** Once per transaction: a bulk write runs one per batch, and a rolled-back one takes its job with it. */
async function queueSweepOnce(req: PayloadRequest) {
  const transaction = String(req.transactionID ?? 'none')
  if (sweepQueuedByRequest.get(req) === transaction) return
  sweepQueuedByRequest.set(req, transaction)
  await req.payload.jobs.queue({ task: QUEUE_WEBHOOK_DELIVERIES_TASK, input: {}, queue: JOBS_QUEUE, req })
}

export async function queueDeliveriesOfChange(
  req: PayloadRequest,
  collection: FeedCollection,
  documentId: string,
  recorded: RecordedEvent,
  at: string,
) {
  const subscribed = (await enabledEndpoints(req)).filter(
    (endpoint) => endpoint.events?.includes(recorded.event) && endpoint.collections?.includes(collection),
  )
  if (subscribed.length === 0) return
  const body = webhookBody(collection, recorded.event, documentId, recorded.slug, at)
  for (const endpoint of subscribed) {
    await writeLogRow(req, 'webhook-deliveries', {
      endpoint: endpoint.id,
      eventType: eventType(collection, recorded.event),
      webhookId: `msg_${randomUUID()}`,
      body,
      status: 'pending',
      attempts: 0,
      createdAt: at,
      updatedAt: at,
    })
  }
  await queueSweepOnce(req)
}

/** Pending deliveries one sweep queues jobs for: a bulk import of many terms leaves many thousands. */
export const SWEEP_BATCH = 250

/**
 * The sweep job: one delivery job per pending delivery no job was queued for yet, oldest first, at most
 * `batch` of them; a full batch queues the next sweep, so no run reads or holds the whole backlog.
 */
export async function queueDeliveryJobs(req: PayloadRequest, batch = SWEEP_BATCH): Promise<number> {
  const { docs } = await req.payload.db.find<{ id: string | number }>({
    collection: 'webhook-deliveries',
    where: { and: [{ status: { equals: 'pending' } }, { deliveryJob: { exists: false } }] },
    limit: batch,
    pagination: false,
    sort: 'createdAt',
    req,
  })
  for (const delivery of docs) await queueDeliveryJob(req, delivery.id)
  if (docs.length === batch)
    await req.payload.jobs.queue({ task: QUEUE_WEBHOOK_DELIVERIES_TASK, input: {}, queue: JOBS_QUEUE, req })
  return docs.length
}

/**
 * A job for one attempt series of `delivery`: the first one, or a re-send. The delivery names the job
 * that owns it, the last one queued: two sweeps running at once may both queue a job for it, and the
 * job it does not name ends without sending (./deliver-webhook.ts).
 */
export async function queueDeliveryJob(req: PayloadRequest, delivery: string | number) {
  const job = await req.payload.jobs.queue({
    task: DELIVER_WEBHOOK_TASK,
    input: { delivery: String(delivery) },
    queue: JOBS_QUEUE,
    req,
  })
  await req.payload.db.updateOne({
    collection: 'webhook-deliveries',
    id: delivery,
    data: { deliveryJob: String(job.id) },
    req,
    returning: false,
  })
}
