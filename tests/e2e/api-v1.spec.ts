// The v1 content API against the production server, read as a consumer would over plain HTTP: answers
// match the OpenAPI document the server publishes (itself checked by an OpenAPI validator), carry
// validators and cache tags, refuse what they do not understand with problem details, and never show
// unpublished content, whoever asks.
import { Validator } from '@seriousme/openapi-schema-validator'
import { expect, test, type APIRequestContext } from '@playwright/test'

import { readdirSync } from 'node:fs'
import path from 'node:path'

import { TermSchema } from '../../src/api-v1/term-schema'
import { titleSortKey } from '../../src/collections/Terms/list-fields'

import { createDraftTermThroughRest } from './support/draft-terms'
import { OpenApiContract } from './support/openapi-contract'
import { adminToken } from './support/staff'

const SEEDED_SLUGS = readdirSync(path.join(import.meta.dirname, '../../seed/terms')).map((file) =>
  file.replace(/\.txt$/, ''),
)

let contract: OpenApiContract | null = null

/** The contract as the running server publishes it. */
async function serverContract(request: APIRequestContext): Promise<OpenApiContract> {
  contract ??= new OpenApiContract(await (await request.get('/api/v1/openapi.json')).json())
  return contract
}

type Answer = { status: number; headers: Record<string, string>; body: unknown }

/**
 * GET a v1 address and check the answer against the OpenAPI document (`documented` is the path as the
 * document writes it); a 200 must also carry a strong ETag that gets 304, and cache tags.
 */
async function getChecked(request: APIRequestContext, address: string, documented: string): Promise<Answer> {
  const response = await request.get(`/api/v1${address}`)
  const headers = response.headers()
  const body = await response.json()
  const contentType = response.status() === 200 ? 'application/json' : PROBLEM_TYPE
  expect(headers['content-type'], address).toContain(contentType)
  expect((await serverContract(request)).errors(documented, response.status(), contentType, body), address).toEqual([])
  if (response.status() === 200) {
    expect(headers['etag'], address).toMatch(/^"[\w-]{43}"$/)
    expect(headers['cache-tag'], address).toBeTruthy()
    // It must fit a proxy's header buffer (nginx: 4 KB for every header) whatever the page holds.
    expect(headers['cache-tag']!.length, address).toBeLessThanOrEqual(1_100)
    // Only answers the API had to produce count against the rate limit, and say what is left.
    if (headers['x-cloudlex-api-cache'] === 'HIT') expect(headers['ratelimit'], address).toBeUndefined()
    else expect(headers['ratelimit-policy'], address).toMatch(/^"address";q=\d+;w=\d+$/)
    const again = await request.get(`/api/v1${address}`, { headers: { 'if-none-match': headers['etag']! } })
    expect(again.status(), `${address} with If-None-Match`).toBe(304)
  }
  return { status: response.status(), headers, body }
}

type TermList = {
  items: { id: string; slug: string; title: string; category: { slug: string } | null; difficulty: string }[]
  next: string | null
}

async function allPages(request: APIRequestContext, query: string): Promise<TermList['items']> {
  const items: TermList['items'] = []
  let cursor: string | null = null
  for (let page = 0; page < 200; page += 1) {
    const address = `/terms?${query}${cursor ? `&cursor=${cursor}` : ''}`
    const { body } = await getChecked(request, address, '/terms')
    const list = body as TermList
    items.push(...list.items)
    if (!list.next) return items
    cursor = list.next
  }
  throw new Error('the term list never ended')
}

const PROBLEM_TYPE = 'application/problem+json'

async function problemOf(request: APIRequestContext, path: string, status: number) {
  const response = await request.get(path)
  expect(response.status(), path).toBe(status)
  expect(response.headers()['content-type']).toContain(PROBLEM_TYPE)
  const body = (await response.json()) as {
    type: string
    status: number
    detail: string
    instance: string
    parameters?: { name: string }[]
  }
  expect(body.status).toBe(status)
  expect(body.instance).toBe(path.split('?')[0])
  return body
}

test('the OpenAPI document is valid OpenAPI 3.1 and describes the term endpoint', async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json')
  expect(response.status()).toBe(200)
  const document = (await response.json()) as {
    openapi: string
    paths: Record<string, unknown>
    components: { schemas: Record<string, unknown> }
  }
  expect(document.openapi).toBe('3.1.0')
  const validation = await new Validator().validate(document as never)
  expect(validation.errors ?? []).toEqual([])
  expect(validation.valid).toBe(true)
  expect(Object.keys(document.paths)).toContain('/terms/{slug}')
  expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Term', 'Problem']))
})

test('a published term: the documented fields only, a strong ETag answered with 304, cache tags and a shared-cache lifetime', async ({
  request,
}) => {
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

  for (const [method, address] of [
    ['POST', '/api/v1/terms'],
    ['DELETE', '/api/v1/terms/cloudtrail'],
    ['PUT', '/api/v1/glossary'],
  ] as const) {
    const refused = await request.fetch(address, { method, data: method === 'DELETE' ? undefined : {} })
    expect(refused.status(), `${method} ${address}`).toBe(405)
    expect(refused.headers()['allow']).toBe('GET, HEAD')
    expect(((await refused.json()) as { type: string }).type).toBe('urn:cloudlex:problem:method-not-allowed')
  }
})

test('an unpublished term is not answered, not even to a signed-in admin', async ({ request, playwright, baseURL }) => {
  const token = await adminToken(request)
  const slug = await createDraftTermThroughRest(
    request,
    { Authorization: `JWT ${token}` },
    {
      title: `V1 Draft Probe ${Date.now().toString(36)}`,
      definition: 'Not for readers yet.',
    },
  )

  const anonymous = await playwright.request.newContext({ baseURL })
  await problemOf(anonymous, `/api/v1/terms/${slug}`, 404)
  await anonymous.dispose()
  const asAdmin = await request.get(`/api/v1/terms/${slug}`, { headers: { Authorization: `JWT ${token}` } })
  expect(asAdmin.status()).toBe(404)

  const newest = (await (
    await request.get('/api/v1/terms?sort=-updatedAt&limit=100', { headers: { Authorization: `JWT ${token}` } })
  ).json()) as TermList
  expect(newest.items.map((item) => item.slug)).not.toContain(slug)
  const found = (await (await request.get(`/api/v1/search?q=${encodeURIComponent('V1 Draft Probe')}`)).json()) as {
    items: { slug: string }[]
  }
  expect(found.items.map((item) => item.slug)).not.toContain(slug)
})

test('the term list: every published term once across pages, in title order both ways, filters kept', async ({
  request,
}) => {
  const ascending = await allPages(request, 'limit=7')
  const slugs = ascending.map((item) => item.slug)
  expect(new Set(slugs).size).toBe(slugs.length)
  expect(slugs).toEqual(expect.arrayContaining(SEEDED_SLUGS))
  const keys = ascending.map((item) => titleSortKey(item.title))
  expect(keys).toEqual([...keys].sort())

  const descending = await allPages(request, 'limit=9&sort=-title')
  expect(descending.map((item) => titleSortKey(item.title))).toEqual([...keys].reverse())

  const security = await allPages(request, 'limit=4&category=security&difficulty=intermediate')
  expect(security.map((item) => item.slug)).toContain('cloudtrail')
  for (const item of security)
    expect(item).toMatchObject({ category: { slug: 'security' }, difficulty: 'intermediate' })

  const future = await getChecked(request, '/terms?updatedSince=2999-01-01T00:00:00Z', '/terms')
  expect(future.body).toEqual({ items: [], next: null })
})

test('categories, providers and a provider’s services answer as documented and agree with the terms', async ({
  request,
}) => {
  const categories = (await getChecked(request, '/categories', '/categories')).body as {
    items: { slug: string; termCount: number }[]
  }
  const security = categories.items.find((category) => category.slug === 'security')!
  expect((await allPages(request, 'limit=50&category=security')).length).toBe(security.termCount)

  const providers = (await getChecked(request, '/providers', '/providers')).body as {
    items: { slug: string; serviceCount: number }[]
  }
  expect(providers.items.map((provider) => provider.slug)).toEqual(
    expect.arrayContaining(['aws', 'azure', 'gcp', 'oci']),
  )

  const services: { term: { slug: string }; service: string | null }[] = []
  let cursor: string | null = null
  do {
    const { body } = await getChecked(
      request,
      `/providers/aws/services?limit=20${cursor ? `&cursor=${cursor}` : ''}`,
      '/providers/{slug}/services',
    )
    const page = body as { items: typeof services; next: string | null }
    services.push(...page.items)
    cursor = page.next
  } while (cursor)
  expect(services.find((row) => row.term.slug === 'cloudtrail')).toMatchObject({ service: 'AWS CloudTrail' })
  const aws = providers.items.find((provider) => provider.slug === 'aws')!
  expect(services.filter((row) => row.service !== null)).toHaveLength(aws.serviceCount)

  const missing = await getChecked(request, '/providers/no-such-cloud/services', '/providers/{slug}/services')
  expect(missing.status).toBe(404)
})

test('compare: the chosen providers in the order asked, cells matching each term’s equivalents', async ({
  request,
}) => {
  const { body } = await getChecked(request, '/compare?providers=gcp,aws&category=security&limit=100', '/compare')
  const matrix = body as {
    providers: { slug: string }[]
    rows: { term: { slug: string }; cells: ({ service: string | null } | null)[] }[]
    next: string | null
  }
  expect(matrix.providers.map((provider) => provider.slug)).toEqual(['gcp', 'aws'])
  const row = matrix.rows.find((candidate) => candidate.term.slug === 'cloudtrail')!
  expect(row.cells.map((cell) => cell?.service)).toEqual(['Cloud Audit Logs', 'AWS CloudTrail'])
  expect(matrix.next).toBeNull()

  const everything = (await getChecked(request, '/compare?limit=3', '/compare')).body as typeof matrix
  expect(everything.providers.length).toBeGreaterThanOrEqual(4)
  expect(everything.rows).toHaveLength(3)
  expect(everything.next).toBeTruthy()
})

test('search: best match first, highlights inside the text, bounded pages', async ({ request }) => {
  const { body } = await getChecked(request, '/search?q=cloudtrail', '/search')
  const results = body as {
    items: { slug: string; title: { text: string; ranges: { start: number; end: number }[] } }[]
  }
  expect(results.items[0]!.slug).toBe('cloudtrail')
  const { text, ranges } = results.items[0]!.title
  expect(ranges.map(({ start, end }) => text.slice(start, end))).toEqual(['CloudTrail'])

  const typo = (await getChecked(request, '/search?q=kubernetezz', '/search')).body as {
    items: unknown[]
    didYouMean: { slug: string }[]
  }
  if (typo.items.length === 0) expect(typo.didYouMean.map((term) => term.slug)).toContain('kubernetes')

  expect((await getChecked(request, '/search?q=%20%20', '/search')).status).toBe(400)
  expect((await getChecked(request, '/search?q=dns&page=11', '/search')).status).toBe(400)
})

test('bad list queries are refused with problem details naming the parameter', async ({ request }) => {
  const cases: [string, string, string][] = [
    ['/terms?cursor=not-a-cursor', '/terms', 'cursor'],
    ['/terms?limit=0', '/terms', 'limit'],
    ['/terms?limit=5&limit=6', '/terms', 'limit'],
    ['/terms?category=no-such-category', '/terms', 'category'],
    ['/terms?provider=no-such-cloud', '/terms', 'provider'],
    ['/terms?sort=popularity', '/terms', 'sort'],
    ['/terms?updatedSince=yesterday', '/terms', 'updatedSince'],
    ['/compare?providers=aws,aws', '/compare', 'providers'],
    ['/compare?providers=aws,nowhere', '/compare', 'providers'],
    ['/providers/aws/services?cursor=x', '/providers/{slug}/services', 'cursor'],
  ]
  for (const [address, documented, parameter] of cases) {
    const answer = await getChecked(request, address, documented)
    expect(answer.status, address).toBe(400)
    expect(
      (answer.body as { parameters: { name: string }[] }).parameters.map((named) => named.name),
      address,
    ).toEqual([parameter])
  }
  const { body } = await getChecked(request, '/terms?limit=2&sort=-updatedAt', '/terms')
  const cursor = (body as TermList).next!
  const wrongOrder = await getChecked(request, `/terms?cursor=${cursor}`, '/terms')
  expect(wrongOrder.status).toBe(400)
  expect(JSON.stringify(wrongOrder.body)).toContain('-updatedAt')
  expect((await getChecked(request, '/categories?limit=1', '/categories')).status).toBe(400)
})
