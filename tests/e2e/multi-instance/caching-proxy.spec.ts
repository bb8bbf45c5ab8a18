// The repository's nginx config (deploy/nginx/cloudlex.conf.template) in front of two production
// instances sharing one SQLite file: it keeps public pages for the app's s-maxage and serves them with
// the app's own headers, never keeps or serves a signed-in, preview or key-holding answer, passes the
// API through, tells the app the client's address without letting the client choose it, shows a publish
// within its cache time, and keeps answering while instances stop.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import {
  freePort,
  launchAppInstance,
  publishedTermsAtLeast,
  waitForInstance,
  type AppInstance,
} from '../../support/app-instance'
import { startNginxProxy, type NginxProxy } from '../../support/nginx-proxy'

const ADMIN = { email: 'proxy-admin@test.cloudlex', password: 'proxy-admin-password-42' }
const SEEDED_TERMS = 50
/** The app's s-maxage here, short so that expiry and a publish can be watched within a test. */
const SHARED_CACHE_SECONDS = 4
/** nginx keeps time in whole seconds, so an entry may live up to a second past its s-maxage. */
const CACHE_CLOCK_SECONDS = 1
/** How long the app itself takes to re-render a page after a change recorded by another process. */
const APP_REFRESH_SECONDS = 2
/** The address the tests connect from, so that the app can tell it from nginx's (127.0.0.1). */
const CLIENT_ADDRESS = '127.0.0.2'

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-proxy-'))
let instances: AppInstance[] = []
let proxy: NginxProxy | undefined
let slugs: string[] = []

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(420_000)
  const proxyPort = await freePort()
  const env = {
    DATABASE_URI: `file:${path.join(workDir, 'shared.db')}`,
    PAYLOAD_SECRET: 'proxy-test-secret-not-for-real-use-00000000',
    SERVER_URL: `http://127.0.0.1:${proxyPort}`,
    CLOUDLEX_ADMIN_EMAIL: ADMIN.email,
    CLOUDLEX_ADMIN_PASSWORD: ADMIN.password,
    CLOUDLEX_JOBS: 'off',
    CLOUDLEX_SHARED_CACHE_SECONDS: String(SHARED_CACHE_SECONDS),
    // What an operator with nginx on the same machine writes. It trusts the tests' own 127.0.0.2 too, so
    // only nginx replacing X-Forwarded-For (rather than appending to it) keeps them from choosing an address.
    TRUSTED_PROXIES: 'loopback',
  }
  // The first instance seeds the empty database; the second starts on the seeded one.
  const first = await launchAppInstance({ name: 'A', env })
  instances = [first]
  await waitForInstance(first, publishedTermsAtLeast(SEEDED_TERMS))
  const second = await launchAppInstance({ name: 'B', env })
  instances.push(second)
  await waitForInstance(second, publishedTermsAtLeast(SEEDED_TERMS))
  proxy = await startNginxProxy({
    upstreams: instances.map((instance) => `127.0.0.1:${instance.port}`),
    port: proxyPort,
  })
  const listed = (await (await fetch(`${first.baseURL}/api/terms?limit=${SEEDED_TERMS}&depth=0&sort=slug`)).json()) as {
    docs: { slug: string }[]
  }
  slugs = listed.docs.map((doc) => doc.slug)
})

test.afterAll(async () => {
  await proxy?.stop()
  await Promise.all(instances.map((instance) => instance.kill()))
  fs.rmSync(workDir, { recursive: true, force: true })
})

test.afterEach(async () => {
  const testInfo = test.info()
  if (testInfo.status !== testInfo.expectedStatus && proxy) {
    await testInfo.attach('nginx error log', { body: proxy.errorLog(), contentType: 'text/plain' })
  }
})

/** Each test reads pages no other test has read, so every cache state it sees is its own doing. */
let nextSlug = 0
const freshTermPage = () => `/terms/${slugs[nextSlug++]!}`

type ProxyResponse = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One request through nginx over plain node:http, from CLIENT_ADDRESS, with no cookie jar. */
function throughProxy(
  requestPath: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      `${proxy!.url}${requestPath}`,
      {
        method: init.method ?? 'GET',
        localAddress: CLIENT_ADDRESS,
        headers: {
          ...init.headers,
          ...(init.body
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(init.body)) }
            : {}),
        },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
        response.on('error', reject)
      },
    )
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${requestPath}: no answer through the proxy in 30 s`)))
    outgoing.on('error', reject)
    outgoing.end(init.body)
  })
}

async function signIn(): Promise<string> {
  const login = await throughProxy('/api/users/login', { method: 'POST', body: JSON.stringify(ADMIN) })
  expect(login.status, login.body).toBe(200)
  return (JSON.parse(login.body) as { token: string }).token
}

/** Requests `requestPath` until nginx answers it from its cache; returns that answer. */
async function cachedCopy(requestPath: string): Promise<ProxyResponse> {
  let hit: ProxyResponse | undefined
  await expect(async () => {
    hit = await throughProxy(requestPath)
    expect(hit.headers['x-cache-status']).toBe('HIT')
  }).toPass({ timeout: 10_000 })
  return hit!
}

test('keeps a public term page for the app’s s-maxage and serves it with the app’s headers', async () => {
  const page = freshTermPage()
  const first = await throughProxy(page)
  expect(first.status).toBe(200)
  expect(first.headers['x-cache-status']).toBe('MISS')
  expect(first.headers['cache-control']).toBe(
    `public, max-age=0, s-maxage=${SHARED_CACHE_SECONDS}, stale-while-revalidate=300, stale-if-error=86400`,
  )
  expect(first.headers['etag']).toBeTruthy()

  const second = await throughProxy(page)
  expect(second.headers['x-cache-status']).toBe('HIT')
  expect(second.body).toBe(first.body)
  for (const header of ['etag', 'cache-control', 'content-security-policy', 'content-type', 'x-content-type-options']) {
    expect(second.headers[header], header).toBe(first.headers[header])
  }
  const revalidated = await throughProxy(page, { headers: { 'if-none-match': first.headers['etag']! } })
  expect(revalidated.status).toBe(304)
  expect(revalidated.headers['x-cache-status']).toBe('HIT')

  // After s-maxage the copy is fetched again: nginx asks the app, which confirms or replaces it.
  await new Promise((resolve) => setTimeout(resolve, (SHARED_CACHE_SECONDS + CACHE_CLOCK_SECONDS + 0.5) * 1000))
  const later = await throughProxy(page)
  expect(later.status).toBe(200)
  expect(['EXPIRED', 'REVALIDATED', 'STALE', 'UPDATING']).toContain(later.headers['x-cache-status'])
})

test('never answers a signed-in, previewing or key-holding request from the cache, nor keeps its answer', async () => {
  const token = await signIn()
  const personal: Record<string, Record<string, string>> = {
    'session cookie': { cookie: `theme=dark; payload-token=${token}` },
    'preview cookie': { cookie: '__prerender_bypass=anything' },
    'JWT header': { authorization: `JWT ${token}` },
    'API key': { authorization: 'users API-Key 00000000-0000-0000-0000-000000000000' },
    'bearer token': { authorization: `Bearer ${token}` },
  }

  const cached = freshTermPage()
  await cachedCopy(cached)
  for (const [what, headers] of Object.entries(personal)) {
    const answer = await throughProxy(cached, { headers })
    expect(answer.status, what).toBe(200)
    expect(answer.headers['x-cache-status'], what).toBe('BYPASS')
    expect(answer.headers['cache-control'], what).toBe('private, no-store')
  }

  // A page first asked for with a session: what it got is not what the next anonymous reader gets.
  for (const [what, headers] of Object.entries(personal)) {
    const page = freshTermPage()
    expect((await throughProxy(page, { headers })).headers['x-cache-status'], what).toBe('BYPASS')
    const anonymous = await throughProxy(page)
    expect(anonymous.headers['x-cache-status'], `${what}: the anonymous reader after it`).toBe('MISS')
    expect(anonymous.headers['cache-control'], what).toMatch(/^public, /)
  }
})

test('passes the admin, API reads and API writes to the app without keeping them', async () => {
  for (let read = 0; read < 2; read += 1) {
    const list = await throughProxy('/api/terms?limit=1&depth=0')
    expect(list.status).toBe(200)
    expect(list.headers['x-cache-status']).toBeUndefined()
    const admin = await throughProxy('/admin/login')
    expect(admin.status).toBe(200)
    expect(admin.headers['x-cache-status']).toBeUndefined()
  }
  const refused = await throughProxy('/api/users/login', {
    method: 'POST',
    body: JSON.stringify({ email: ADMIN.email, password: 'not-the-password' }),
  })
  expect(refused.status).toBe(401)
  expect(refused.headers['x-cache-status']).toBeUndefined()
  const token = await signIn()
  const [slug] = slugs.slice(-1)
  const term = JSON.parse((await throughProxy(`/api/terms?where[slug][equals]=${slug}&depth=0`)).body) as {
    docs: { id: string }[]
  }
  const write = () =>
    throughProxy(`/api/terms/${term.docs[0]!.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${token}` },
      body: JSON.stringify({ analogy: 'Written through the proxy.' }),
    })
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const answer = await write()
    expect(answer.status, answer.body).toBe(200)
    expect(answer.headers['x-cache-status']).toBeUndefined()
  }
})

test('tells the app the address nginx saw, whatever X-Forwarded-For the client sends', async () => {
  const email = `spoofer-${Date.now().toString(36)}@test.cloudlex`
  const refused = await throughProxy('/api/users/login', {
    method: 'POST',
    headers: {
      'x-forwarded-for': '203.0.113.50',
      'x-real-ip': '203.0.113.51',
      'x-cloudlex-client-address': '203.0.113.52',
    },
    body: JSON.stringify({ email, password: 'guess' }),
  })
  expect(refused.status).toBe(401)
  const token = await signIn()
  const entries = await throughProxy(`/api/audit-log?where[targetTitle][equals]=${email}&depth=0`, {
    headers: { authorization: `JWT ${token}` },
  })
  expect(entries.status).toBe(200)
  // Not nginx's own 127.0.0.1 (the socket the app sees) and not what the client wrote.
  const { docs } = JSON.parse(entries.body) as { docs: { action: string; ip: string }[] }
  expect(docs).toEqual([expect.objectContaining({ action: 'failed-login', ip: CLIENT_ADDRESS })])
})

test('shows a publish through the proxy within its cache time', async () => {
  const page = freshTermPage()
  const slug = page.split('/').pop()!
  const token = await signIn()
  const term = JSON.parse((await throughProxy(`/api/terms?where[slug][equals]=${slug}&depth=0`)).body) as {
    docs: { id: string }[]
  }
  await cachedCopy(page)

  const wording = `Published through the proxy at ${Date.now().toString(36)}.`
  const publish = await throughProxy(`/api/terms/${term.docs[0]!.id}`, {
    method: 'PATCH',
    headers: { authorization: `JWT ${token}` },
    body: JSON.stringify({ definition: wording, _status: 'published' }),
  })
  expect(publish.status, publish.body).toBe(200)
  const publishedAt = Date.now()
  const bound = (SHARED_CACHE_SECONDS + CACHE_CLOCK_SECONDS + APP_REFRESH_SECONDS) * 1000
  let seenAfterMs: number | undefined
  while (Date.now() - publishedAt <= bound + 2_000) {
    if ((await throughProxy(page)).body.includes(wording)) {
      seenAfterMs = Date.now() - publishedAt
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  expect(seenAfterMs, 'the published wording never showed through the proxy').toBeDefined()
  expect(seenAfterMs!).toBeLessThanOrEqual(bound)
})

test('answers every request while an instance stops and after it is gone, through the other', async () => {
  // Uncached reads (a query string of their own, the API), so each one reaches an instance.
  const read = (reader: number, n: number) =>
    n % 2 === 0
      ? `/terms/${slugs[(reader * 7 + n) % slugs.length]}?reader=${reader}-${n}`
      : `/api/terms?limit=1&page=${n + 1}&depth=0`
  const statuses: number[] = []
  const readers = Array.from({ length: 4 }, async (_, reader) => {
    for (let n = 0; n < 12; n += 1) statuses.push((await throughProxy(read(reader, n))).status)
  })
  await new Promise((resolve) => setTimeout(resolve, 200))
  // SIGTERM, as a restart or a deploy stops an instance: it finishes what it has and takes nothing new.
  await Promise.all([instances[1]!.stop(), ...readers])
  for (let n = 0; n < 12; n += 1) statuses.push((await throughProxy(read(9, n))).status)
  expect(statuses).toHaveLength(60)
  expect(statuses.filter((status) => status !== 200)).toEqual([])
})

test('serves a cached page stale while every instance is down', async () => {
  const page = freshTermPage()
  const cached = await cachedCopy(page)
  await instances[0]!.kill()
  await new Promise((resolve) => setTimeout(resolve, (SHARED_CACHE_SECONDS + CACHE_CLOCK_SECONDS + 0.5) * 1000))
  const stale = await throughProxy(page)
  expect(stale.status).toBe(200)
  expect(stale.headers['x-cache-status']).toBe('STALE')
  expect(stale.body).toBe(cached.body)
  // What was never cached has nothing to fall back on.
  expect((await throughProxy(freshTermPage())).status).toBe(502)
})
