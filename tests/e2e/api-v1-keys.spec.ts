// API clients' keys against the production server: a key reads what anyone reads and counts against
// its own rate limit; only a key with the preview scope reads drafts, and only through the v1 API (a key
// is never staff on Payload's REST or GraphQL); rotating, revoking or expiring a key refuses it on the
// next request; its last use is recorded; the audit log names a changed key and never shows it.
import { randomUUID } from 'node:crypto'

import { expect, test, type APIRequestContext } from '@playwright/test'

import { createDraftTermThroughRest } from './support/draft-terms'
import { adminToken } from './support/staff'

test.describe.configure({ mode: 'serial' })

type Client = { id: string; key: string }

let admin: Record<string, string>
let reader: Client
let previewer: Client
let draftSlug: string
const keysEverIssued: string[] = []

const keyHeader = (key: string) => ({ Authorization: `api-clients API-Key ${key}` })

async function createClient(request: APIRequestContext, name: string, scope: 'published' | 'preview'): Promise<Client> {
  const key = randomUUID()
  keysEverIssued.push(key)
  const created = await request.post('/api/api-clients', {
    headers: admin,
    data: { name, owner: 'e2e suite', scope, enableAPIKey: true, apiKey: key },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string } & Record<string, unknown> }
  expect(JSON.stringify(doc)).not.toContain(key)
  return { id: doc.id, key }
}

async function problemType(response: { json: () => Promise<unknown> }): Promise<string> {
  return ((await response.json()) as { type: string }).type
}

test.beforeAll(async ({ request }) => {
  admin = { Authorization: `JWT ${await adminToken(request)}` }
  reader = await createClient(request, 'Docs site build', 'published')
  previewer = await createClient(request, 'Staging portal', 'preview')
  draftSlug = await createDraftTermThroughRest(request, admin, {
    title: `Key Preview Probe ${Date.now().toString(36)}`,
    definition: 'Only previewers see this.',
  })
})

test('a key reads published content like anyone, counted against the key’s own limit', async ({ request }) => {
  const published = await request.get('/api/v1/terms/cloudtrail', { headers: keyHeader(reader.key) })
  expect(published.status()).toBe(200)
  // An address no one asked for yet: the answer is produced, so it counts, against the key.
  const fresh = await request.get(`/api/v1/terms?limit=${Math.floor(Math.random() * 90) + 7}&sort=-updatedAt`, {
    headers: keyHeader(reader.key),
  })
  expect(fresh.status()).toBe(200)
  expect(fresh.headers()['ratelimit-policy']).toMatch(/^"key";q=\d+;w=\d+$/)
  expect(fresh.headers()['ratelimit']).toMatch(/^"key";r=\d+;t=\d+$/)
  expect(((await fresh.json()) as { items: { slug: string }[] }).items.map((item) => item.slug)).not.toContain(
    draftSlug,
  )
})

test('only a key with the preview scope reads drafts, and only through the v1 API', async ({
  request,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL })
  const refused = await anonymous.get(`/api/v1/terms/${draftSlug}?preview=true`)
  expect(refused.status()).toBe(403)
  expect(await problemType(refused)).toBe('urn:cloudlex:problem:preview-not-allowed')
  await anonymous.dispose()
  expect(
    (await request.get(`/api/v1/terms/${draftSlug}?preview=true`, { headers: keyHeader(reader.key) })).status(),
  ).toBe(403)

  const drafted = await request.get(`/api/v1/terms/${draftSlug}?preview=true`, { headers: keyHeader(previewer.key) })
  expect(drafted.status()).toBe(200)
  expect(((await drafted.json()) as { definition: string }).definition).toBe('Only previewers see this.')
  expect(drafted.headers()['cache-control']).toBe('private, no-store')
  const list = await request.get('/api/v1/terms?preview=true&sort=-updatedAt&limit=20', {
    headers: keyHeader(previewer.key),
  })
  expect(((await list.json()) as { items: { slug: string }[] }).items.map((item) => item.slug)).toContain(draftSlug)
  // Without preview=true the same key gets the published glossary, where the draft is not.
  expect((await request.get(`/api/v1/terms/${draftSlug}`, { headers: keyHeader(previewer.key) })).status()).toBe(404)

  // Payload's REST and GraphQL APIs treat a key as no one in particular: published content only, no staff data.
  const rest = await request.get(`/api/terms?where[slug][equals]=${draftSlug}&draft=true`, {
    headers: keyHeader(previewer.key),
  })
  expect(((await rest.json()) as { totalDocs: number }).totalDocs).toBe(0)
  const graphql = await request.post('/api/graphql', {
    headers: keyHeader(previewer.key),
    data: { query: `{ Terms(where: { slug: { equals: "${draftSlug}" } }, draft: true) { docs { slug } } }` },
  })
  expect(JSON.stringify(await graphql.json())).not.toContain(draftSlug)
  expect((await request.get('/api/users', { headers: keyHeader(previewer.key) })).status()).toBe(403)
  expect((await request.get('/api/api-clients', { headers: keyHeader(previewer.key) })).status()).toBe(403)
  const selfEdit = await request.patch(`/api/api-clients/${previewer.id}`, {
    headers: keyHeader(previewer.key),
    data: { scope: 'preview', expiresAt: null },
  })
  expect(selfEdit.status()).toBe(403)
})

test('rotating a key refuses the old one at once and accepts the new one', async ({ request }) => {
  const replacement = randomUUID()
  keysEverIssued.push(replacement)
  const rotated = await request.patch(`/api/api-clients/${reader.id}`, {
    headers: admin,
    data: { apiKey: replacement },
  })
  expect(rotated.status(), await rotated.text()).toBe(200)
  const old = await request.get('/api/v1/terms/cloudtrail', { headers: keyHeader(reader.key) })
  expect(old.status()).toBe(401)
  expect(await problemType(old)).toBe('urn:cloudlex:problem:invalid-key')
  expect(old.headers()['www-authenticate']).toBe('api-clients API-Key')
  expect((await request.get('/api/v1/terms/cloudtrail', { headers: keyHeader(replacement) })).status()).toBe(200)
  reader = { ...reader, key: replacement }
})

test('a revoked key and an expired key are refused', async ({ request }) => {
  const revoked = await request.patch(`/api/api-clients/${reader.id}`, { headers: admin, data: { apiKey: null } })
  expect(revoked.status(), await revoked.text()).toBe(200)
  expect((await request.get('/api/v1/terms/cloudtrail', { headers: keyHeader(reader.key) })).status()).toBe(401)

  const expiresAt = new Date(Date.now() - 1_000).toISOString()
  const expired = await request.patch(`/api/api-clients/${previewer.id}`, { headers: admin, data: { expiresAt } })
  expect(expired.status(), await expired.text()).toBe(200)
  const refused = await request.get(`/api/v1/terms/${draftSlug}?preview=true`, { headers: keyHeader(previewer.key) })
  expect(refused.status()).toBe(401)
  expect(((await refused.json()) as { detail: string }).detail).toContain('expired')
})

test('the last use of a key is recorded, and the audit log never shows a key', async ({ request }) => {
  const client = (await (await request.get(`/api/api-clients/${previewer.id}`, { headers: admin })).json()) as {
    lastUsedAt?: string
  }
  expect(Date.now() - Date.parse(client.lastUsedAt!)).toBeLessThan(120_000)

  const entries = await request.get('/api/audit-log?where[targetCollection][equals]=api-clients&limit=100&depth=0', {
    headers: admin,
  })
  const body = await entries.text()
  const docs = (JSON.parse(body) as { docs: { action: string; changedFields?: string[] }[] }).docs
  expect(docs.length).toBeGreaterThanOrEqual(4)
  expect(docs.some((entry) => entry.changedFields?.includes('apiKey'))).toBe(true)
  for (const key of keysEverIssued) expect(body).not.toContain(key)
})
