// The v1 content API against the production server, read as a consumer would over plain HTTP: answers
// match the OpenAPI document the server publishes (itself checked by an OpenAPI validator), carry
// validators and cache tags, refuse what they do not understand with problem details, and never show
// unpublished content, whoever asks.
import { Validator } from '@seriousme/openapi-schema-validator'
import { expect, test, type APIRequestContext } from '@playwright/test'

import { TermSchema } from '../../src/api-v1/term-schema'

import { adminToken } from './support/staff'

const PROBLEM_TYPE = 'application/problem+json'

async function problemOf(request: APIRequestContext, path: string, status: number) {
  const response = await request.get(path)
  expect(response.status(), path).toBe(status)
  expect(response.headers()['content-type']).toContain(PROBLEM_TYPE)
  const body = (await response.json()) as { type: string; status: number; detail: string; instance: string; parameters?: { name: string }[] }
  expect(body.status).toBe(status)
  expect(body.instance).toBe(path.split('?')[0])
  return body
}

test('the OpenAPI document is valid OpenAPI 3.1 and describes the term endpoint', async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json')
  expect(response.status()).toBe(200)
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }
  expect(document.openapi).toBe('3.1.0')
  const validation = await new Validator().validate(document as never)
  expect(validation.errors ?? []).toEqual([])
  expect(validation.valid).toBe(true)
  expect(Object.keys(document.paths)).toContain('/terms/{slug}')
  expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Term', 'Problem']))
})

test('a published term: the documented fields only, a strong ETag answered with 304, cache tags and a shared-cache lifetime', async ({ request }) => {
  const response = await request.get('/api/v1/terms/cloudtrail')
  expect(response.status()).toBe(200)
  const term = await response.json()
  expect(TermSchema.strict().safeParse(term).error).toBeUndefined()
  expect(term).toMatchObject({ slug: 'cloudtrail', title: 'CloudTrail' })
  expect(term.providerEquivalents.length).toBeGreaterThan(0)

  const headers = response.headers()
  expect(headers['etag']).toMatch(/^"[\w-]{43}"$/)
  expect(headers['cache-tag']).toContain(`term-id:${term.id}`)
  expect(headers['cache-control']).toMatch(/^public, .*s-maxage=\d+/)

  const unchanged = await request.get('/api/v1/terms/cloudtrail', { headers: { 'if-none-match': headers['etag']! } })
  expect(unchanged.status()).toBe(304)
  expect(await unchanged.body()).toHaveLength(0)
})

test('refusals are problem details naming what is wrong', async ({ request }) => {
  const unknown = await problemOf(request, '/api/v1/terms/cloudtrail?depth=5&draft=true', 400)
  expect(unknown.type).toBe('urn:cloudlex:problem:unknown-parameter')
  expect(unknown.parameters!.map((parameter) => parameter.name)).toEqual(['depth', 'draft'])
  expect(unknown.detail).toContain('depth, draft')

  const missing = await problemOf(request, '/api/v1/terms/no-such-term-anywhere', 404)
  expect(missing.type).toBe('urn:cloudlex:problem:not-found')
  expect(missing.detail).toContain('no-such-term-anywhere')

  const long = await problemOf(request, `/api/v1/terms/${'a'.repeat(201)}`, 400)
  expect(long.parameters!.map((parameter) => parameter.name)).toEqual(['slug'])

  expect((await problemOf(request, '/api/v1/glossary', 404)).detail).toContain('/api/v1/openapi.json')
})

test('an unpublished term is not answered, not even to a signed-in admin', async ({ request, playwright, baseURL }) => {
  const token = await adminToken(request)
  const security = (await (await request.get('/api/categories?where[slug][equals]=security')).json()) as { docs: { id: string }[] }
  const created = await request.post('/api/terms?draft=true', {
    headers: { Authorization: `JWT ${token}` },
    data: { title: `V1 Draft Probe ${Date.now().toString(36)}`, definition: 'Not for readers yet.', category: security.docs[0]!.id, difficulty: 'beginner', _status: 'draft' },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { slug } = ((await created.json()) as { doc: { slug: string } }).doc

  const anonymous = await playwright.request.newContext({ baseURL })
  await problemOf(anonymous, `/api/v1/terms/${slug}`, 404)
  await anonymous.dispose()
  const asAdmin = await request.get(`/api/v1/terms/${slug}`, { headers: { Authorization: `JWT ${token}` } })
  expect(asAdmin.status()).toBe(404)
})
