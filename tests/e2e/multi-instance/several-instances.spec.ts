// The whole multi-instance setup on loopback, as an operator runs it on one machine: Redis, two
// production instances on one database, and the repository's nginx config in front. A publish on one
// instance shows on the other and through the proxy; a session from one works on the other; and under
// half a minute of mixed load (readers on pages and the API, an editor saving and publishing, all
// through the proxy) one instance restarts without a reader noticing or a saved edit going missing.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'
import { expect, test } from '@playwright/test'

import {
  freePort,
  launchAppInstance,
  publishedTermsAtLeast,
  waitForInstance,
  type AppInstance,
} from '../../support/app-instance'
import { startNginxProxy, type NginxProxy } from '../../support/nginx-proxy'
import { startRedisServer, type RedisServer } from '../../support/redis-server'
import { E2E_ADMIN } from '../support/staff'

const SEEDED_TERMS = 50
/** The app's s-maxage here, which is how long nginx keeps a page: short, so a publish shows quickly. */
const SHARED_CACHE_SECONDS = 2
/** nginx's whole-second clock, then the app's own refresh after a change, then nginx's refetch. */
const PROXY_FRESHNESS_MS = (SHARED_CACHE_SECONDS + 1 + 2) * 1000
const LOAD_SECONDS = 30
const READERS = 4
/** B stops this long into the load and is started again at once. */
const RESTART_AFTER_MS = 8_000

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-instances-'))
const databaseFile = path.join(workDir, 'shared.db')

let redis: RedisServer | undefined
let proxy: NginxProxy | undefined
let instanceA: AppInstance
let instanceB: AppInstance
let database: Client
let instanceEnv: Record<string, string>
let terms: { id: string; slug: string }[] = []

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(420_000)
  redis = await startRedisServer()
  const proxyPort = await freePort()
  instanceEnv = {
    DATABASE_URI: `file:${databaseFile}`,
    PAYLOAD_SECRET: 'several-instances-secret-not-for-real-use-00',
    SERVER_URL: `http://127.0.0.1:${proxyPort}`,
    REDIS_URL: redis.url,
    TRUSTED_PROXIES: 'loopback',
    CLOUDLEX_ADMIN_EMAIL: E2E_ADMIN.email,
    CLOUDLEX_ADMIN_PASSWORD: E2E_ADMIN.password,
    CLOUDLEX_SHARED_CACHE_SECONDS: String(SHARED_CACHE_SECONDS),
  }
  instanceA = await launchAppInstance({ name: 'A', env: instanceEnv })
  await waitForInstance(instanceA, publishedTermsAtLeast(SEEDED_TERMS))
  instanceB = await launchAppInstance({ name: 'B', env: instanceEnv })
  await waitForInstance(instanceB, publishedTermsAtLeast(SEEDED_TERMS))
  proxy = await startNginxProxy({
    upstreams: [instanceA, instanceB].map((instance) => `127.0.0.1:${instance.port}`),
    port: proxyPort,
  })
  const listed = (await (
    await fetch(`${instanceA.baseURL}/api/terms?limit=${SEEDED_TERMS}&depth=0&sort=slug`)
  ).json()) as {
    docs: { id: string; slug: string }[]
  }
  terms = listed.docs
  database = createClient({ url: `file:${databaseFile}` })
})

test.afterAll(async () => {
  database?.close()
  await proxy?.stop()
  await Promise.all([instanceA, instanceB].map((instance) => instance?.kill()))
  await redis?.stop()
  fs.rmSync(workDir, { recursive: true, force: true })
})

test.afterEach(async () => {
  const testInfo = test.info()
  if (testInfo.status === testInfo.expectedStatus) return
  for (const instance of [instanceA, instanceB])
    await testInfo.attach(`instance ${instance.name}`, { body: instance.output(), contentType: 'text/plain' })
  if (proxy) await testInfo.attach('nginx error log', { body: proxy.errorLog(), contentType: 'text/plain' })
})

async function adminToken(baseURL: string): Promise<string> {
  const login = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  })
  expect(login.status).toBe(200)
  return ((await login.json()) as { token: string }).token
}

async function publishDefinition(
  baseURL: string,
  token: string,
  termId: string,
  definition: string,
): Promise<Response> {
  return fetch(`${baseURL}/api/terms/${termId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ definition, _status: 'published' }),
    signal: AbortSignal.timeout(30_000),
  })
}

async function pageShows(url: string, text: string): Promise<boolean> {
  const response = await fetch(url)
  return response.ok && (await response.text()).includes(text)
}

/** Milliseconds from `since` until `url` first shows `text` (checked every 100 ms, for at most `limitMs`). */
async function timeUntilShown(url: string, text: string, since: number, limitMs: number): Promise<number> {
  while (Date.now() - since < limitMs) {
    if (await pageShows(url, text)) return Date.now() - since
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not show "${text}" within ${limitMs} ms`)
}

test('a publish on one instance shows on the other within 2 s, and through the proxy within its cache time', async () => {
  const term = terms[0]!
  const pagePath = `/terms/${term.slug}`
  // Cached everywhere first, so that the old page has to be replaced in each place.
  for (const origin of [instanceA.baseURL, instanceB.baseURL, proxy!.url])
    expect((await fetch(`${origin}${pagePath}`)).status).toBe(200)

  const definition = `Published on instance A at ${Date.now()}.`
  const published = await publishDefinition(instanceA.baseURL, await adminToken(instanceA.baseURL), term.id, definition)
  expect(published.status, await published.text()).toBe(200)
  const publishedAt = Date.now()

  const [onB, throughProxy] = await Promise.all([
    timeUntilShown(`${instanceB.baseURL}${pagePath}`, definition, publishedAt, 10_000),
    timeUntilShown(`${proxy!.url}${pagePath}`, definition, publishedAt, PROXY_FRESHNESS_MS + 5_000),
  ])
  process.stdout.write(
    `freshness: instance B after ${onB} ms, the proxy after ${throughProxy} ms (cache time ${SHARED_CACHE_SECONDS} s)\n`,
  )
  expect(onB).toBeLessThanOrEqual(2_000)
  expect(throughProxy).toBeLessThanOrEqual(PROXY_FRESHNESS_MS)
})

test('a session started on one instance is accepted by the other', async () => {
  const token = await adminToken(instanceA.baseURL)
  // The cookie as a browser on the site sends it: Payload takes a session cookie without an Origin only
  // from a same-origin request.
  const sessions: Record<string, string>[] = [
    { authorization: `JWT ${token}` },
    { cookie: `payload-token=${token}`, 'sec-fetch-site': 'same-origin' },
  ]
  for (const headers of sessions) {
    const me = await fetch(`${instanceB.baseURL}/api/users/me`, { headers })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { email: string } | null }).user?.email, JSON.stringify(headers)).toBe(
      E2E_ADMIN.email,
    )
  }
})

type LoadTally = { served: number; failures: string[] }

/** A reader going through the proxy: term pages, the A–Z list and the REST API, one request after another. */
async function readUntil(stopAt: number, tally: LoadTally, reader: number): Promise<void> {
  const paths = (index: number) => {
    const term = terms[(index * 7 + reader) % terms.length]!
    return [
      `/terms/${term.slug}`,
      '/terms',
      `/api/terms?limit=10&depth=1`,
      `/api/terms?where[slug][equals]=${term.slug}&depth=1`,
    ][index % 4]!
  }
  for (let index = 0; Date.now() < stopAt; index += 1) {
    const address = paths(index)
    try {
      const response = await fetch(`${proxy!.url}${address}`, { signal: AbortSignal.timeout(20_000) })
      await response.arrayBuffer()
      if (response.status === 200) tally.served += 1
      else tally.failures.push(`${address}: ${response.status}`)
    } catch (error) {
      tally.failures.push(`${address}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

type EditorLog = { attempted: Map<string, string[]>; acknowledged: Map<string, string[]>; refused: string[] }

/** An editor through the proxy, saving and publishing new definitions of five terms in turn. */
async function editUntil(stopAt: number, token: string, log: EditorLog): Promise<void> {
  const edited = terms.slice(1, 6)
  for (let index = 0; Date.now() < stopAt; index += 1) {
    const term = edited[index % edited.length]!
    const definition = `Edit ${index} under load, at ${Date.now()}.`
    log.attempted.set(term.id, [...(log.attempted.get(term.id) ?? []), definition])
    try {
      const response = await publishDefinition(proxy!.url, token, term.id, definition)
      await response.arrayBuffer()
      if (response.status === 200) log.acknowledged.set(term.id, [...(log.acknowledged.get(term.id) ?? []), definition])
      else log.refused.push(`${term.slug}: ${response.status}`)
    } catch (error) {
      log.refused.push(`${term.slug}: ${error instanceof Error ? error.message : String(error)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function restartB(): Promise<number> {
  const stoppedAt = Date.now()
  await instanceB.stop()
  instanceB = await launchAppInstance({ name: 'B', env: instanceEnv, port: instanceB.port })
  await waitForInstance(instanceB, publishedTermsAtLeast(SEEDED_TERMS))
  return Date.now() - stoppedAt
}

async function storedDefinition(termId: string): Promise<string> {
  const { rows } = await database.execute({ sql: 'SELECT definition FROM terms WHERE id = ?', args: [termId] })
  return String(rows[0]?.definition)
}

async function versionsWithDefinition(termId: string, definition: string): Promise<number> {
  const { rows } = await database.execute({
    sql: 'SELECT count(*) AS n FROM _terms_v WHERE parent_id = ? AND version_definition = ?',
    args: [termId, definition],
  })
  return Number(rows[0]!.n)
}

test('readers through the proxy see no failure and no saved edit is lost while an instance restarts under load', async () => {
  test.setTimeout(300_000)
  const token = await adminToken(proxy!.url)
  const stopAt = Date.now() + LOAD_SECONDS * 1000
  const readers: LoadTally = { served: 0, failures: [] }
  const editor: EditorLog = { attempted: new Map(), acknowledged: new Map(), refused: [] }

  const restart = new Promise<number>((resolve, reject) => {
    setTimeout(() => restartB().then(resolve, reject), RESTART_AFTER_MS)
  })
  await Promise.all([
    ...Array.from({ length: READERS }, (_, reader) => readUntil(stopAt, readers, reader)),
    editUntil(stopAt, token, editor),
  ])
  const restartMs = await restart

  // An edit the API acknowledged must be in the database: as the term's definition if it was the last
  // one saved for that term (a later, unacknowledged attempt may also have landed), and as a version.
  const lost: string[] = []
  let acknowledgedCount = 0
  for (const [termId, definitions] of editor.acknowledged) {
    acknowledgedCount += definitions.length
    for (const definition of definitions)
      if ((await versionsWithDefinition(termId, definition)) === 0) lost.push(definition)
    const attempts = editor.attempted.get(termId)!
    const stored = await storedDefinition(termId)
    const lastAcknowledged = attempts.indexOf(definitions.at(-1)!)
    if (!attempts.slice(lastAcknowledged).includes(stored)) lost.push(`${termId}: stored "${stored}"`)
  }

  process.stdout.write(
    `several instances: ${readers.served} reader requests served through the proxy, ${readers.failures.length} failed; ` +
      `${acknowledgedCount} edits acknowledged, ${editor.refused.length} refused, ${lost.length} lost; ` +
      `instance B back ${(restartMs / 1000).toFixed(1)} s after it was stopped\n`,
  )
  expect(readers.failures, readers.failures.slice(0, 10).join('\n')).toEqual([])
  expect(lost).toEqual([])
  expect(acknowledgedCount).toBeGreaterThan(10)
  expect(readers.served).toBeGreaterThan(100)
})
