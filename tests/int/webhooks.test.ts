// Webhooks end to end on a real Payload and a real receiver on 127.0.0.1: a published change is delivered
// once per subscribed endpoint, signed so that the Standard Webhooks library verifies it with the
// endpoint's secret; failures are retried with a growing backoff under the same webhook-id; a hanging
// receiver never slows a save; a rolled-back change sends nothing; re-send and secret rotation work.
import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { generatedEntry } from '../../bench/generated-glossary'
import { slugify } from '@/content-format/slugify'
import { importTermBatches } from '@/content-transfer/import-terms'
import type { Category, User, WebhookDelivery, WebhookEndpoint } from '@/payload-types'
import { queueDeliveryJobs } from '@/webhooks/queue-deliveries'

import { callRest, tokenFor } from './support/api-routes'
import { QUIET } from './support/harness'
import type { Receiver } from './support/webhook-receiver'
import { onlyEnabledEndpoint, publishQuietly, runDueJobs, startWebhookScene } from './support/webhook-scene'

const RETRY_DELAY_MS = 300
const TIMEOUT_MS = 1_000

vi.hoisted(() => {
  process.env.CLOUDLEX_WEBHOOKS_RETRY_ATTEMPTS = '3'
  process.env.CLOUDLEX_WEBHOOKS_RETRY_DELAY_MS = '300'
  process.env.CLOUDLEX_WEBHOOKS_TIMEOUT_MS = '1000'
  process.env.CLOUDLEX_WEBHOOKS_ALLOW_PRIVATE = '1'
})

let payload: Payload
let receiver: Receiver
let category: Category
let admin: User
let termCounter = 0

beforeAll(async () => {
  ;({ payload, receiver, category, admin } = await startWebhookScene('Hooks'))
})

afterAll(async () => {
  await receiver.close()
})

/** The only enabled endpoint from now on, so each test sees its own deliveries alone. */
async function onlyEndpoint(data: Partial<WebhookEndpoint> = {}): Promise<WebhookEndpoint> {
  await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { exists: true } } })
  receiver.received.length = 0
  receiver.answers.length = 0
  return onlyEnabledEndpoint(payload, { url: receiver.url, ...data })
}

function publishTerm() {
  termCounter += 1
  return publishQuietly(payload, category, `Hooked Term ${termCounter}`)
}

/** Runs due jobs again and again until `done`, waiting for backoffs between runs. */
async function runJobsUntil(done: () => Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now()
  while (!(await done())) {
    if (Date.now() - started > timeoutMs) throw new Error('The jobs did not finish in time.')
    await runDueJobs(payload)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function deliveriesOf(endpoint: WebhookEndpoint): Promise<WebhookDelivery[]> {
  const { docs } = await payload.find({
    collection: 'webhook-deliveries',
    where: { endpoint: { equals: endpoint.id } },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
  })
  return docs
}

const settled =
  (endpoint: WebhookEndpoint, count = 1) =>
  async () => {
    const deliveries = await deliveriesOf(endpoint)
    return deliveries.length >= count && deliveries.every((delivery) => delivery.status !== 'pending')
  }

/** What a receiver runs: the raw body and the three headers, checked with the endpoint's secret. */
function verifiedBy(secret: string, { body, headers }: { body: string; headers: Record<string, unknown> }) {
  const wh = new Webhook(secret)
  return wh.verify(body, {
    'webhook-id': String(headers['webhook-id']),
    'webhook-timestamp': String(headers['webhook-timestamp']),
    'webhook-signature': String(headers['webhook-signature']),
  })
}

describe('delivery', () => {
  it('sends a published term to the endpoint, signed so that the Standard Webhooks library verifies it', async () => {
    const endpoint = await onlyEndpoint()
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const term = await publishTerm()
    await runJobsUntil(settled(endpoint))

    expect(receiver.received).toHaveLength(1)
    const [request] = receiver.received
    expect(request!.headers['content-type']).toBe('application/json')
    expect(verifiedBy(endpoint.secret!, request!)).toEqual({
      type: 'term.published',
      timestamp: expect.any(String),
      data: { collection: 'terms', id: String(term.id), slug: term.slug },
    })
    expect(() => verifiedBy(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, request!)).toThrow()
    const [delivery] = await deliveriesOf(endpoint)
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastResponseCode: 204,
      eventType: 'term.published',
      webhookId: request!.headers['webhook-id'],
    })
    expect(delivery!.deliveredAt).toBeTruthy()
  })

  it('sends only the events and collections an endpoint subscribed to', async () => {
    const endpoint = await onlyEndpoint({ events: ['deleted'], collections: ['categories'] })
    const term = await publishTerm()
    await payload.delete({ collection: 'terms', id: term.id, ...QUIET })
    const doomed = await payload.create({
      collection: 'categories',
      data: { name: 'Doomed', slug: 'doomed' },
      ...QUIET,
    })
    await payload.delete({ collection: 'categories', id: doomed.id, ...QUIET })
    await runJobsUntil(settled(endpoint))

    expect(receiver.received.map(({ body }) => JSON.parse(body).type)).toEqual(['category.deleted'])
    expect(JSON.parse(receiver.received[0]!.body).data).toEqual({
      collection: 'categories',
      id: String(doomed.id),
      slug: 'doomed',
    })
  })

  it('retries a failing receiver with a growing backoff, under the same webhook-id, until it answers 2xx', async () => {
    const endpoint = await onlyEndpoint()
    receiver.answers.push({ status: 500 }, { status: 503 })
    await publishTerm()
    await runJobsUntil(settled(endpoint))

    const requests = receiver.received
    expect(requests).toHaveLength(3)
    expect(new Set(requests.map(({ headers }) => headers['webhook-id'])).size).toBe(1)
    const waits = [requests[1]!.at - requests[0]!.at, requests[2]!.at - requests[1]!.at]
    expect(waits[0]).toBeGreaterThanOrEqual(RETRY_DELAY_MS)
    expect(waits[1]).toBeGreaterThanOrEqual(2 * RETRY_DELAY_MS)
    process.stdout.write(
      `retries: 3 attempts, waits ${waits.join(' ms, ')} ms (backoff ${RETRY_DELAY_MS} ms, then ${2 * RETRY_DELAY_MS} ms)\n`,
    )
    const [delivery] = await deliveriesOf(endpoint)
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastResponseCode: 204,
      webhookId: requests[0]!.headers['webhook-id'],
    })
  })

  it("marks a delivery failed after the last retry, with the receiver's answer", async () => {
    const endpoint = await onlyEndpoint()
    receiver.answers.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 410 })
    await publishTerm()
    await runJobsUntil(settled(endpoint))

    expect(receiver.received).toHaveLength(4)
    const [delivery] = await deliveriesOf(endpoint)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 4, lastResponseCode: 410, nextAttemptAt: null })
    expect(delivery!.lastError).toContain('410')
  })

  it('never makes a save wait for a hanging receiver; the attempt times out', async () => {
    const endpoint = await onlyEndpoint()
    receiver.answers.push('hang')
    const started = performance.now()
    await publishTerm()
    const saveMs = performance.now() - started
    expect(saveMs).toBeLessThan(TIMEOUT_MS)

    const attemptStarted = performance.now()
    await runDueJobs(payload)
    const attemptMs = performance.now() - attemptStarted
    const [delivery] = await deliveriesOf(endpoint)
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastError: `No answer within ${TIMEOUT_MS} ms.` })
    process.stdout.write(
      `hanging receiver: save took ${saveMs.toFixed(0)} ms; the attempt gave up after ${attemptMs.toFixed(0)} ms\n`,
    )
  })

  it('sends nothing for a change whose transaction rolls back', async () => {
    const endpoint = await onlyEndpoint()
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    termCounter += 1
    await payload.create({
      collection: 'terms',
      data: {
        title: `Rolled Back ${termCounter}`,
        slug: `rolled-back-${termCounter}`,
        definition: 'Never.',
        category: category.id,
        difficulty: 'beginner',
        _status: 'published',
      } as never,
      req,
      ...QUIET,
    })
    await killTransaction(req)
    await runDueJobs(payload)

    expect(await deliveriesOf(endpoint)).toEqual([])
    expect((await payload.db.find({ collection: 'payload-jobs', where: { id: { exists: true } } })).docs).toEqual([])
    expect(receiver.received).toHaveLength(0)
  })

  it('sends nothing for an endpoint deleted or disabled before its delivery goes, and says so in the log', async () => {
    for (const remove of ['delete', 'disable'] as const) {
      const endpoint = await onlyEndpoint()
      await publishTerm()
      if (remove === 'delete') await payload.delete({ collection: 'webhook-endpoints', id: endpoint.id })
      else await payload.update({ collection: 'webhook-endpoints', id: endpoint.id, data: { enabled: false } })
      await runDueJobs(payload)

      const { docs } = await payload.find({
        collection: 'webhook-deliveries',
        where: { eventType: { equals: 'term.published' } },
        sort: '-createdAt',
        limit: 1,
        depth: 0,
      })
      expect(docs[0], remove).toMatchObject({ status: 'failed', attempts: 1 })
      expect(docs[0]!.lastError, remove).toBe(
        remove === 'delete' ? 'The endpoint was deleted.' : 'The endpoint is disabled.',
      )
      expect(receiver.received, remove).toHaveLength(0)
    }
  })

  it('does not follow a redirect', async () => {
    const endpoint = await onlyEndpoint()
    receiver.answers.push(
      { status: 302, location: `${receiver.url}/elsewhere` },
      { status: 302, location: `${receiver.url}/elsewhere` },
      { status: 302, location: `${receiver.url}/elsewhere` },
      { status: 302, location: `${receiver.url}/elsewhere` },
    )
    await publishTerm()
    await runJobsUntil(settled(endpoint))

    expect(receiver.received.map(({ headers }) => headers['webhook-id'])).toHaveLength(4)
    const [delivery] = await deliveriesOf(endpoint)
    expect(delivery).toMatchObject({ status: 'failed', lastResponseCode: 302 })
    expect(delivery!.lastError).toContain('not followed')
  })
})

describe('bulk import', () => {
  it("stores a batch's deliveries with its log rows and queues one job per transaction, not one per term", async () => {
    const ENTRIES = 40
    const endpoint = await onlyEndpoint({ events: ['published'], collections: ['terms'] })
    const entries = Array.from({ length: ENTRIES }, (_, index) => {
      const entry = generatedEntry(index, ENTRIES, 1)
      const title = `Imported ${entry.title}`
      return { ...entry, title, slug: slugify(title), relatedTerms: [], seeAlso: [] }
    })
    const report = await importTermBatches(payload, [entries.slice(0, 20), entries.slice(20)], { status: 'published' })
    expect(report.failed).toEqual([])

    const jobs = await payload.db.find<{ taskSlug: string }>({
      collection: 'payload-jobs',
      where: { id: { exists: true } },
      pagination: false,
    })
    expect(jobs.docs.map(({ taskSlug }) => taskSlug)).toEqual(['queueWebhookDeliveries', 'queueWebhookDeliveries'])
    expect(await deliveriesOf(endpoint)).toHaveLength(ENTRIES)

    await runJobsUntil(settled(endpoint, ENTRIES))
    // Deliveries are at least once: a receiver tells a repeat by its webhook-id.
    const deliveries = await deliveriesOf(endpoint)
    process.stdout.write(
      `bulk import: ${ENTRIES} terms in 2 transactions, 2 jobs queued by the import, ${receiver.received.length} requests for ${deliveries.length} deliveries\n`,
    )
    expect(deliveries.every(({ status }) => status === 'delivered')).toBe(true)
    expect(new Set(receiver.received.map(({ headers }) => headers['webhook-id']))).toEqual(
      new Set(deliveries.map(({ webhookId }) => webhookId)),
    )
    expect(new Set(receiver.received.map(({ body }) => JSON.parse(body).data.slug))).toEqual(
      new Set(entries.map(({ slug }) => slug)),
    )
  })
  it('queues delivery jobs a bounded batch at a time, each full batch queueing the next sweep', async () => {
    const ENTRIES = 30
    const BATCH = 12
    const endpoint = await onlyEndpoint({ events: ['published'], collections: ['terms'] })
    const entries = Array.from({ length: ENTRIES }, (_, index) => {
      const entry = generatedEntry(index, ENTRIES, 2)
      const title = `Swept ${entry.title}`
      return { ...entry, title, slug: slugify(title), relatedTerms: [], seeAlso: [] }
    })
    expect((await importTermBatches(payload, [entries], { status: 'published' })).failed).toEqual([])
    await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { exists: true } } })

    const req = await createLocalReq({}, payload)
    const swept = [
      await queueDeliveryJobs(req, BATCH),
      await queueDeliveryJobs(req, BATCH),
      await queueDeliveryJobs(req, BATCH),
    ]
    expect(swept).toEqual([12, 12, 6])
    const jobs = await payload.db.find<{ taskSlug: string }>({
      collection: 'payload-jobs',
      where: { id: { exists: true } },
      pagination: false,
    })
    const tasks = jobs.docs.map(({ taskSlug }) => taskSlug)
    expect(tasks.filter((task) => task === 'deliverWebhook')).toHaveLength(ENTRIES)
    // Two full batches queued a follow-up sweep each; the short last one did not.
    expect(tasks.filter((task) => task === 'queueWebhookDeliveries')).toHaveLength(2)
    expect(await queueDeliveryJobs(req, BATCH)).toBe(0)

    await runJobsUntil(settled(endpoint, ENTRIES))
    expect((await deliveriesOf(endpoint)).every(({ status }) => status === 'delivered')).toBe(true)
    expect(new Set(receiver.received.map(({ body }) => JSON.parse(body).data.slug))).toEqual(
      new Set(entries.map(({ slug }) => slug)),
    )
  })
})

describe('re-send', () => {
  it('queues a delivered delivery again: a new attempt, the same webhook-id and body', async () => {
    const endpoint = await onlyEndpoint()
    await publishTerm()
    await runJobsUntil(settled(endpoint))
    const [delivery] = await deliveriesOf(endpoint)

    const answer = await callRest('POST', `/api/webhook-deliveries/${delivery!.id}/resend`, {
      token: await tokenFor(payload, admin),
    })
    expect(answer.status).toBe(200)
    await runJobsUntil(async () => receiver.received.length === 2 && (await deliveriesOf(endpoint))[0]!.attempts === 2)

    const [first, second] = receiver.received
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id'])
    expect(second!.body).toBe(first!.body)
    expect((await deliveriesOf(endpoint))[0]).toMatchObject({ status: 'delivered', attempts: 2 })
  })
})

describe('secret rotation', () => {
  it('signs with both secrets during the overlap, each signature verifying with its own secret, then with the new one only', async () => {
    const endpoint = await onlyEndpoint()
    const rotated = await payload.update({
      collection: 'webhook-endpoints',
      id: endpoint.id,
      data: { rotateSecret: true },
    })
    expect(rotated.secret).not.toBe(endpoint.secret)
    expect(rotated.previousSecret).toBe(endpoint.secret)
    const overlapMs = new Date(rotated.previousSecretExpiresAt!).getTime() - Date.now()
    expect(overlapMs).toBeGreaterThan(24 * 3_600_000 - 60_000)
    expect(overlapMs).toBeLessThanOrEqual(24 * 3_600_000)

    await publishTerm()
    await runJobsUntil(settled(endpoint))
    const duringOverlap = receiver.received[0]!
    const signatures = String(duringOverlap.headers['webhook-signature']).split(' ')
    expect(signatures).toHaveLength(2)
    const alone = (signature: string) => ({
      ...duringOverlap,
      headers: { ...duringOverlap.headers, 'webhook-signature': signature },
    })
    expect(() => verifiedBy(rotated.secret!, alone(signatures[0]!))).not.toThrow()
    expect(() => verifiedBy(endpoint.secret!, alone(signatures[1]!))).not.toThrow()
    expect(() => verifiedBy(endpoint.secret!, alone(signatures[0]!))).toThrow()

    await payload.db.updateOne({
      collection: 'webhook-endpoints',
      id: endpoint.id,
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    await publishTerm()
    await runJobsUntil(settled(endpoint, 2))
    const afterOverlap = receiver.received[1]!
    expect(String(afterOverlap.headers['webhook-signature']).split(' ')).toHaveLength(1)
    expect(() => verifiedBy(rotated.secret!, afterOverlap)).not.toThrow()
    expect(() => verifiedBy(endpoint.secret!, afterOverlap)).toThrow()
  })

  it('keeps the secret when an admin saves other fields, and refuses a secret sent in the data', async () => {
    const endpoint = await onlyEndpoint()
    const updated = await payload.update({
      collection: 'webhook-endpoints',
      id: endpoint.id,
      data: { description: 'Docs site', secret: 'whsec_chosen' },
      overrideAccess: false,
      user: admin,
    })
    expect(updated.secret).toBe(endpoint.secret)
    expect(updated.previousSecret).toBeFalsy()
  })
})
