// The public site's rendering cache against the production server: a change re-renders the pages that
// show it and leaves every other page in the cache, and what sits in front (a CDN, a reverse proxy) gets
// validators and a Cache-Control it can use, never for a signed-in or preview response.
import type { APIRequestContext } from '@playwright/test'

import { expect, test } from './support/csp-watch'
import { adminToken } from './support/staff'

type Created = { doc: { id: string; slug: string } }

async function publishTerm(
  request: APIRequestContext,
  headers: Record<string, string>,
  data: Record<string, unknown>,
): Promise<Created['doc']> {
  const security = (await (await request.get('/api/categories?where[slug][equals]=security')).json()) as {
    docs: { id: string }[]
  }
  const response = await request.post('/api/terms', {
    headers,
    data: { category: security.docs[0]!.id, difficulty: 'beginner', _status: 'published', ...data },
  })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as Created).doc
}

/** Whether Next served the page from its rendering cache (HIT) or rendered it for this request. */
async function cacheState(request: APIRequestContext, path: string): Promise<string | undefined> {
  const response = await request.get(path)
  expect(response.status()).toBe(200)
  return response.headers()['x-nextjs-cache']
}

test('a change re-renders the pages that show the changed term, and no other page', async ({ request }) => {
  const headers = { Authorization: `JWT ${await adminToken(request)}` }
  const run = Date.now().toString(36)
  const changed = await publishTerm(request, headers, {
    title: `Cache Probe Source ${run}`,
    definition: 'The term that changes.',
  })
  const showsIt = await publishTerm(request, headers, {
    title: `Cache Probe Neighbour ${run}`,
    definition: 'Names the source among its related terms.',
    relatedTerms: [changed.id],
  })
  const unrelated = await publishTerm(request, headers, {
    title: `Cache Probe Bystander ${run}`,
    definition: 'Shows nothing of the others.',
  })
  const pages = [changed, showsIt, unrelated].map((term) => `/terms/${term.slug}`)

  // Warm: each page is rendered once and then served from the cache. The wait lets the server expire
  // what the three creations made stale (it looks about once a second), so the pages stay cached after.
  await expect(async () => {
    for (const page of pages) await cacheState(request, page)
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    for (const page of pages) expect(await cacheState(request, page), page).toBe('HIT')
  }).toPass({ timeout: 30_000 })

  const renamed = `Cache Probe Renamed ${run}`
  expect((await request.patch(`/api/terms/${changed.id}`, { headers, data: { title: renamed } })).status()).toBe(200)
  await expect(async () => {
    expect(await (await request.get(pages[1]!)).text()).toContain(renamed)
  }).toPass({ timeout: 5_000 })
  await expect(async () => {
    expect(await (await request.get(pages[0]!)).text()).toContain(renamed)
  }).toPass({ timeout: 5_000 })
  expect(await cacheState(request, pages[2]!)).toBe('HIT')
})

test('pages, feeds, sitemaps and downloads carry a validator, answer a conditional request with 304, and are cacheable briefly by shared caches', async ({
  request,
}) => {
  for (const path of [
    '/terms/cloudtrail',
    '/terms/letter/c',
    '/categories/security',
    '/feed.xml',
    '/sitemap.xml',
    '/compare.csv',
  ]) {
    const first = await request.get(path)
    expect(first.status(), path).toBe(200)
    const etag = first.headers()['etag']
    expect(etag, `${path} has an ETag`).toBeTruthy()
    expect(first.headers()['cache-control'], path).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/,
    )
    const again = await request.get(path, { headers: { 'if-none-match': etag! } })
    expect(again.status(), `${path} revalidated`).toBe(304)
  }
})

test('addresses no term can have are answered 404 per request, never stored in the rendering cache', async ({
  request,
}) => {
  for (const path of [
    `/terms/${'a'.repeat(300)}`,
    '/terms/Not_A_Slug',
    '/terms/cloud-trial.txt',
    '/terms/-dash-first',
  ]) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await request.get(path)
      expect(response.status(), path).toBe(404)
      expect(response.headers()['x-nextjs-cache'], `${path} is not a cached page`).toBeUndefined()
    }
  }
})

test('nothing answered to a signed-in, previewing or key-holding caller may be stored by a shared cache', async ({
  request,
  playwright,
  baseURL,
}) => {
  const token = await adminToken(request)
  const signedIn = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `payload-token=${token}` },
  })
  for (const path of ['/terms/cloudtrail', '/terms', '/api/terms?limit=1', '/feed.xml']) {
    expect((await signedIn.get(path)).headers()['cache-control'], path).toBe('private, no-store')
  }
  await signedIn.dispose()
  const withAuthorization = await request.get('/api/terms?limit=1', { headers: { Authorization: `JWT ${token}` } })
  expect(withAuthorization.headers()['cache-control']).toBe('private, no-store')
  const preview = await request.get('/terms/cloudtrail', { headers: { cookie: '__prerender_bypass=anything' } })
  expect(preview.headers()['cache-control']).toBe('private, no-store')
})

test('v1 answers the server keeps follow a change within seconds', async ({ request, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL })
  const headers = { Authorization: `JWT ${await adminToken(request)}` }
  const term = await publishTerm(request, headers, {
    title: `V1 Cache Probe ${Date.now().toString(36)}`,
    definition: 'First wording.',
  })
  const path = `/api/v1/terms/${term.slug}`
  const read = async () => {
    const response = await anonymous.get(path)
    expect(response.status(), path).toBe(200)
    return {
      definition: ((await response.json()) as { definition: string }).definition,
      cache: response.headers()['x-cloudlex-api-cache'],
    }
  }
  await expect(async () => {
    await read()
    expect(await read()).toEqual({ definition: 'First wording.', cache: 'HIT' })
  }).toPass({ timeout: 10_000 })

  expect(
    (await request.patch(`/api/terms/${term.id}`, { headers, data: { definition: 'Second wording.' } })).status(),
  ).toBe(200)
  await expect(async () => expect((await read()).definition).toBe('Second wording.')).toPass({ timeout: 5_000 })
  await anonymous.dispose()
})

test('anonymous API reads come from the cache, follow a change within seconds, and never carry what a signed-in caller read', async ({
  request,
  playwright,
  baseURL,
}) => {
  // Signing in stores the session cookie in `request`: anonymous reads go through a context of their own.
  const anonymous = await playwright.request.newContext({ baseURL })
  const token = await adminToken(request)
  const headers = { Authorization: `JWT ${token}` }
  const run = Date.now().toString(36)
  const term = await publishTerm(request, headers, {
    title: `Api Cache Probe ${run}`,
    definition: 'Published wording.',
  })
  const bySlug = `/api/terms?where[slug][equals]=${term.slug}&depth=1&limit=1`
  const definitionAt = async (path: string, init: { headers?: Record<string, string> } = {}) => {
    const response = await anonymous.get(path, init)
    expect(response.status(), path).toBe(200)
    const { docs } = (await response.json()) as { docs: { definition: string }[] }
    return { definition: docs[0]?.definition, cache: response.headers()['x-cloudlex-api-cache'] }
  }

  // Anonymous: the second answer is the first one, kept.
  await expect(async () => {
    await definitionAt(bySlug)
    expect(await definitionAt(bySlug)).toEqual({ definition: 'Published wording.', cache: 'HIT' })
  }).toPass({ timeout: 10_000 })

  // A kept answer carries a strong ETag: a caller that already holds that version gets 304 and no body.
  const etag = (await anonymous.get(bySlug)).headers()['etag']
  expect(etag).toMatch(/^"[\w-]+"$/)
  const unchanged = await anonymous.get(bySlug, { headers: { 'if-none-match': etag! } })
  expect(unchanged.status()).toBe(304)
  expect(await unchanged.body()).toHaveLength(0)

  // A draft over the published term: the editor reads it through the same URL with ?draft=true, and
  // a signed-in answer is never marked cached; the anonymous answers, for that URL and the plain one,
  // never carry the draft.
  const draft = await request.patch(`/api/terms/${term.id}?draft=true`, {
    headers,
    data: { definition: 'Draft wording.', _status: 'draft' },
  })
  expect(draft.status(), await draft.text()).toBe(200)
  const draftPath = `${bySlug}&draft=true`
  expect(await definitionAt(draftPath, { headers })).toEqual({ definition: 'Draft wording.', cache: undefined })
  for (let read = 0; read < 2; read += 1) expect((await definitionAt(draftPath)).definition).not.toBe('Draft wording.')
  // The admin's own session cookie (sent from the site's origin, as a browser does) is not anonymous either.
  const session = { cookie: `payload-token=${token}`, origin: new URL(baseURL!).origin }
  expect(await definitionAt(draftPath, { headers: session })).toEqual({
    definition: 'Draft wording.',
    cache: undefined,
  })
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  expect((await definitionAt(bySlug)).definition).toBe('Published wording.')

  // Publishing reaches the kept anonymous answers within about a second.
  expect(
    (
      await request.patch(`/api/terms/${term.id}`, {
        headers,
        data: { definition: 'Published again.', _status: 'published' },
      })
    ).status(),
  ).toBe(200)
  await expect(async () => {
    expect((await definitionAt(bySlug)).definition).toBe('Published again.')
  }).toPass({ timeout: 5_000 })
  // The version the caller held is no longer current: it gets the new one in full.
  const changed = await anonymous.get(bySlug, { headers: { 'if-none-match': etag! } })
  expect(changed.status()).toBe(200)
  expect(changed.headers()['etag']).not.toBe(etag)

  // GraphQL: a query is kept, a mutation never is (each sign-in answers with a fresh token).
  const query = { query: `{ Terms(where: { slug: { equals: "${term.slug}" } }) { docs { definition } } }` }
  await expect(async () => {
    await anonymous.post('/api/graphql', { data: query })
    const again = await anonymous.post('/api/graphql', { data: query })
    expect(again.headers()['x-cloudlex-api-cache']).toBe('HIT')
    expect(JSON.stringify(await again.json())).toContain('Published again.')
  }).toPass({ timeout: 10_000 })
  const signIn = {
    query: `mutation { loginUser(email: "nobody-${run}@test.cloudlex", password: "not-a-password") { token } }`,
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const answer = await anonymous.post('/api/graphql', { data: signIn })
    expect(answer.headers()['x-cloudlex-api-cache']).toBeUndefined()
  }
  await anonymous.dispose()
})
