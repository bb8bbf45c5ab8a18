// The v1 change feed against the production server, followed as a consumer would over plain HTTP: from
// nothing it lists the published glossary, its pages have validators that the server's cache policy
// leaves alone, and the event stream reaches the client through the server uncompressed, with a change
// published meanwhile arriving once it has settled (the default 10 s).
import { expect, test, type APIRequestContext } from '@playwright/test'

import { ChangePageSchema, type V1Change } from '../../src/api-v1/change-schema'

import { adminToken } from './support/staff'

type Page = { items: V1Change[]; next: string; hasMore: boolean }

/** Follows the feed from `since` to its end; returns the terms it leaves (id → slug) and the last cursor. */
async function follow(
  request: APIRequestContext,
  since?: string,
): Promise<{ terms: Map<string, string>; next: string }> {
  const terms = new Map<string, string>()
  let cursor = since
  for (;;) {
    const response = await request.get(`/api/v1/changes?limit=500${cursor ? `&since=${cursor}` : ''}`)
    expect(response.status()).toBe(200)
    const page = ChangePageSchema.parse(await response.json()) as Page
    for (const item of page.items) {
      if (item.collection !== 'terms') continue
      if (item.change === 'published' || item.change === 'updated') terms.set(item.id, item.slug!)
      else terms.delete(item.id)
    }
    cursor = page.next
    if (!page.hasMore) return { terms, next: cursor }
  }
}

test('a consumer starting from nothing gets every published term, and pages keep their validators', async ({
  request,
}) => {
  const { terms, next } = await follow(request)
  const published = (await (await request.get('/api/terms?limit=1&depth=0')).json()) as { totalDocs: number }
  expect(terms.size).toBe(published.totalDocs)
  expect([...terms.values()]).toContain('cloudtrail')

  const last = await request.get(`/api/v1/changes?since=${next}`)
  const headers = last.headers()
  expect(headers['cache-control']).toBe('no-cache')
  expect(headers['etag']).toMatch(/^"[\w-]{43}"$/)
  expect(
    (await request.get(`/api/v1/changes?since=${next}`, { headers: { 'if-none-match': headers['etag']! } })).status(),
  ).toBe(304)

  const refused = await request.get('/api/v1/changes?since=not-a-cursor')
  expect(refused.status()).toBe(400)
  expect(
    ((await refused.json()) as { parameters: { name: string }[] }).parameters.map((parameter) => parameter.name),
  ).toEqual(['since'])
})

test('the event stream delivers a term published while it is open, uncompressed', async ({ request, baseURL }) => {
  const { next } = await follow(request)
  const client = new AbortController()
  const response = await fetch(`${baseURL}/api/v1/changes/stream?since=${next}`, {
    headers: { 'accept-encoding': 'gzip, br' },
    signal: client.signal,
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
  expect(response.headers.get('content-encoding')).toBeNull()

  const token = await adminToken(request)
  const security = (await (await request.get('/api/categories?where[slug][equals]=security')).json()) as {
    docs: { id: string }[]
  }
  const title = `Stream Probe ${Date.now().toString(36)}`
  const created = await request.post('/api/terms', {
    headers: { Authorization: `JWT ${token}` },
    data: {
      title,
      definition: 'Published while a stream is open.',
      category: security.docs[0]!.id,
      difficulty: 'beginner',
      _status: 'published',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = ((await created.json()) as { doc: { id: string } }).doc

  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let received = ''
  const deadline = Date.now() + 30_000
  while (!received.includes(`"id":"${id}"`) && Date.now() < deadline) {
    const { value, done } = await reader.read()
    if (done) break
    received += value
  }
  client.abort()
  const event = received.split('\n\n').find((block) => block.includes(`"id":"${id}"`))
  expect(event, received).toBeDefined()
  expect(event).toMatch(/^event: change\nid: [\w-]+\ndata: /)
  const item = JSON.parse(event!.split('\ndata: ')[1]!) as V1Change
  expect(item).toMatchObject({ collection: 'terms', id, change: 'published' })
})
