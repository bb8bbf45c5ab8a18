// What keeps webhooks from being turned against the server or read by the wrong people: deliveries go
// to public addresses only (each address a host resolves to is checked, and the request connects to the
// address checked), a refusal is logged once and never retried, and endpoints (with their secrets),
// deliveries and re-sends are for admins alone.
import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Category, User, WebhookEndpoint } from '@/payload-types'
import { RefusedDestination, vetDestination, type ResolvedAddress } from '@/webhooks/public-destination'

import { callRest, tokenFor } from './support/api-routes'
import { createStaffUser } from './support/harness'
import type { Receiver } from './support/webhook-receiver'
import { onlyEnabledEndpoint, publishQuietly, runDueJobs, startWebhookScene } from './support/webhook-scene'

vi.hoisted(() => {
  process.env.CLOUDLEX_WEBHOOKS_ALLOW_PRIVATE = '0'
  process.env.CLOUDLEX_WEBHOOKS_RETRY_ATTEMPTS = '3'
  process.env.CLOUDLEX_WEBHOOKS_RETRY_DELAY_MS = '100'
})

let payload: Payload
let receiver: Receiver
let category: Category
let admin: User
let termCounter = 0

beforeAll(async () => {
  ;({ payload, receiver, category, admin } = await startWebhookScene('Guards'))
})

afterAll(async () => {
  await receiver.close()
})

const onlyEndpoint = (url: string) => onlyEnabledEndpoint(payload, { url })

function publishTerm() {
  termCounter += 1
  return publishQuietly(payload, category, `Guarded Term ${termCounter}`)
}

const port = () => new URL(receiver.url).port

describe('non-public destinations', () => {
  const destinations = () => [
    `http://127.0.0.1:${port()}/hooks`,
    `http://localhost:${port()}/hooks`,
    `http://[::1]:${port()}/hooks`,
    `http://[::ffff:127.0.0.1]:${port()}/hooks`,
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/hooks',
    'http://100.64.0.1/hooks',
    'http://[fd00::1]/hooks',
    'http://0.0.0.0/hooks',
  ]

  it('refuses each, never contacts the receiver, and logs one failed attempt with the reason', async () => {
    for (const url of destinations()) {
      receiver.received.length = 0
      const endpoint = await onlyEndpoint(url)
      await publishTerm()
      await runDueJobs(payload)
      await new Promise((resolve) => setTimeout(resolve, 250))
      await runDueJobs(payload)

      expect(receiver.received, url).toHaveLength(0)
      const { docs } = await payload.find({
        collection: 'webhook-deliveries',
        where: { endpoint: { equals: endpoint.id } },
        depth: 0,
      })
      expect(docs, url).toHaveLength(1)
      expect(docs[0], url).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null })
      expect(docs[0]!.lastError, url).toMatch(/^Refused: .* resolves to .*, a \w+ address, not a public one\.$/)
    }
    const pending = await payload.db.find({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
    expect(pending.docs).toEqual([])
  })

  const resolvesTo =
    (...addresses: string[]) =>
    async (): Promise<ResolvedAddress[]> =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))

  it('refuses a hostname if any of its addresses is private, and connects to the address it vetted', async () => {
    const url = new URL('https://hooks.example.com/in')
    await expect(vetDestination(url, { allowPrivate: false, resolve: resolvesTo('192.168.1.20') })).rejects.toThrow(
      RefusedDestination,
    )
    await expect(
      vetDestination(url, { allowPrivate: false, resolve: resolvesTo('93.184.215.14', '10.1.2.3') }),
    ).rejects.toThrow(/10\.1\.2\.3, a private address/)
    await expect(
      vetDestination(url, { allowPrivate: false, resolve: resolvesTo('2606:4700::6810:84e5', 'fe80::1') }),
    ).rejects.toThrow(/linkLocal/)
    expect(await vetDestination(url, { allowPrivate: false, resolve: resolvesTo('93.184.215.14') })).toEqual({
      address: '93.184.215.14',
      family: 4,
    })
    expect(await vetDestination(url, { allowPrivate: true, resolve: resolvesTo('10.1.2.3') })).toEqual({
      address: '10.1.2.3',
      family: 4,
    })
  })

  it('logs a host that does not resolve as a failed attempt, to be retried', async () => {
    const endpoint = await onlyEndpoint('http://no-such-host.invalid/hooks')
    await publishTerm()
    await runDueJobs(payload)

    const { docs } = await payload.find({
      collection: 'webhook-deliveries',
      where: { endpoint: { equals: endpoint.id } },
      depth: 0,
    })
    expect(docs[0]).toMatchObject({ status: 'pending', attempts: 1 })
    expect(docs[0]!.lastError).toMatch(/^Could not resolve no-such-host\.invalid/)
    expect(docs[0]!.nextAttemptAt).toBeTruthy()
  })

  it('refuses other schemes at save time, naming the field', async () => {
    for (const url of ['ftp://example.com/in', 'file:///etc/passwd', 'gopher://example.com', 'not a url']) {
      await expect(
        payload.create({ collection: 'webhook-endpoints', data: { url } as WebhookEndpoint }),
      ).rejects.toThrow(/URL/)
    }
  })
})

describe('who may see and use webhooks', () => {
  let endpoint: WebhookEndpoint
  let deliveryId: string
  const callers: Record<string, { token?: string; authorization?: string }> = {}

  beforeAll(async () => {
    endpoint = await onlyEndpoint('https://hooks.example.com/in')
    await publishTerm()
    const { docs } = await payload.find({
      collection: 'webhook-deliveries',
      where: { endpoint: { equals: endpoint.id } },
      depth: 0,
    })
    deliveryId = docs[0]!.id
    for (const role of ['editor', 'reviewer', 'author'] as const)
      callers[role] = { token: await tokenFor(payload, await createStaffUser(payload, role)) }
    const apiKey = randomBytes(24).toString('hex')
    await payload.create({
      collection: 'api-clients',
      data: { name: 'Portal', owner: 'Docs team', scope: 'preview', apiKey, enableAPIKey: true },
    })
    callers['API client'] = { authorization: `api-clients API-Key ${apiKey}` }
    callers.anonymous = {}
  })

  it('refuses endpoints, deliveries, rotation and re-send to everyone but admins', async () => {
    for (const [who, auth] of Object.entries(callers)) {
      const answers = {
        listEndpoints: await callRest('GET', '/api/webhook-endpoints', auth),
        readEndpoint: await callRest('GET', `/api/webhook-endpoints/${endpoint.id}`, auth),
        createEndpoint: await callRest('POST', '/api/webhook-endpoints', {
          ...auth,
          body: { url: 'https://evil.example/in' },
        }),
        rotate: await callRest('PATCH', `/api/webhook-endpoints/${endpoint.id}`, {
          ...auth,
          body: { rotateSecret: true },
        }),
        listDeliveries: await callRest('GET', '/api/webhook-deliveries', auth),
        resend: await callRest('POST', `/api/webhook-deliveries/${deliveryId}/resend`, auth),
      }
      for (const [call, answer] of Object.entries(answers)) {
        expect([401, 403], `${who}: ${call} answered ${answer.status}`).toContain(answer.status)
        expect(JSON.stringify(answer.json), `${who}: ${call}`).not.toContain('whsec_')
      }
      expect(answers.resend.status, who).toBe(who === 'anonymous' ? 401 : 403)
    }
    const stored = await payload.findByID({ collection: 'webhook-endpoints', id: endpoint.id })
    expect(stored.secret).toBe(endpoint.secret)
  })

  it('lets admins read the secret, rotate it and re-send', async () => {
    const auth = { token: await tokenFor(payload, admin) }
    const read = await callRest('GET', `/api/webhook-endpoints/${endpoint.id}`, auth)
    expect(read.status).toBe(200)
    expect(read.json.secret).toBe(endpoint.secret)
    const rotated = await callRest('PATCH', `/api/webhook-endpoints/${endpoint.id}`, {
      ...auth,
      body: { rotateSecret: true },
    })
    expect(rotated.status).toBe(200)
    expect((rotated.json.doc as WebhookEndpoint).previousSecret).toBe(endpoint.secret)
    expect((await callRest('GET', '/api/webhook-deliveries', auth)).status).toBe(200)
    expect((await callRest('POST', `/api/webhook-deliveries/${deliveryId}/resend`, auth)).status).toBe(200)
  })

  it('records in the audit log which fields changed, never a secret', async () => {
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { targetCollection: { equals: 'webhook-endpoints' } },
      pagination: false,
    })
    const rotation = docs.find((entry) => entry.targetId === String(endpoint.id) && entry.action === 'update')
    expect(rotation?.changedFields).toEqual(expect.arrayContaining(['secret', 'previousSecret']))
    const stored = await payload.findByID({ collection: 'webhook-endpoints', id: endpoint.id })
    const logged = JSON.stringify(docs)
    for (const secret of [stored.secret, stored.previousSecret]) expect(logged).not.toContain(secret!.slice(6))
  })
})
