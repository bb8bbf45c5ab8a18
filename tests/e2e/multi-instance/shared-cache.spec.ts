// Two app instances on one database with REDIS_URL set share Next's rendering cache in Redis: a page
// one renders, the other serves; an edit published through one shows on both; an expiry made by one
// removes the entry for both. A third instance without REDIS_URL keeps its cache to itself.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'
import { createClient as createDatabaseClient } from '@libsql/client'
import { createClient } from 'redis'

import {
  launchAppInstance,
  publishedTermsAtLeast,
  REPOSITORY_ROOT,
  waitForInstance,
  type AppInstance,
} from '../../support/app-instance'
import { startRedisServer, type RedisServer } from '../../support/redis-server'

const ADMIN = { email: 'shared-cache-admin@test.cloudlex', password: 'shared-cache-admin-password-42' }
const SEEDED_TERMS = 50
const BUILD_ID = fs.readFileSync(path.join(REPOSITORY_ROOT, '.next/BUILD_ID'), 'utf8').trim()
const PAGE_KEYS = `cloudlex:${BUILD_ID}:*`

let redis: RedisServer
let redisClient: ReturnType<typeof createClient>
let workDir: string
const instances: AppInstance[] = []
let a: AppInstance
let b: AppInstance
/** Seeded terms no test has asked any instance for yet: their pages are in no cache. */
let unrequestedSlugs: string[] = []

test.describe.configure({ mode: 'serial' })

function instanceEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URI: `file:${path.join(workDir, 'shared.db')}`,
    PAYLOAD_SECRET: 'shared-cache-test-secret-not-for-real-use-000',
    CLOUDLEX_ADMIN_EMAIL: ADMIN.email,
    CLOUDLEX_ADMIN_PASSWORD: ADMIN.password,
    CLOUDLEX_JOBS: 'off',
    ...extra,
  }
}

async function startInstance(name: string, env: Record<string, string>): Promise<AppInstance> {
  const instance = await launchAppInstance({ name, env })
  instances.push(instance)
  await waitForInstance(instance, publishedTermsAtLeast(SEEDED_TERMS))
  return instance
}

async function getPage(instance: AppInstance, pagePath: string): Promise<{ cache: string | null; body: string }> {
  const response = await fetch(`${instance.baseURL}${pagePath}`)
  expect(response.status, `${instance.name} ${pagePath}`).toBe(200)
  return { cache: response.headers.get('x-nextjs-cache'), body: await response.text() }
}

/** The Redis key of a term page's rendering-cache entry, and when it was stored, if it is there. */
async function storedPage(slug: string): Promise<{ key: string; lastModified: number } | null> {
  const keys = (await redisClient.keys(PAGE_KEYS)).filter((key) => key.endsWith(`/terms/${slug}`))
  if (keys.length === 0) return null
  expect(keys).toHaveLength(1)
  const entry = JSON.parse((await redisClient.get(keys[0]!))!) as { lastModified: number }
  return { key: keys[0]!, lastModified: entry.lastModified }
}

function takeUnrequestedSlug(): string {
  const slug = unrequestedSlugs.shift()
  if (!slug) throw new Error('the test ran out of seeded terms nobody has asked for')
  return slug
}

test.beforeAll(async () => {
  test.setTimeout(540_000)
  redis = await startRedisServer()
  redisClient = createClient({ url: redis.url })
  await redisClient.connect()
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-shared-cache-'))
  // The first start seeds the glossary; the second instance starts on the seeded database.
  a = await startInstance('A', instanceEnv({ REDIS_URL: redis.url }))
  b = await startInstance('B', instanceEnv({ REDIS_URL: redis.url }))
  const terms = (await (await fetch(`${a.baseURL}/api/terms?limit=100&depth=0&sort=slug`)).json()) as {
    docs: { slug: string }[]
  }
  unrequestedSlugs = terms.docs.map((term) => term.slug)
  // Each instance's first look at the change log expires every page (src/site-cache/revalidate-changes.ts),
  // which with Redis means the shared entries too; the tests start once both have looked.
  await new Promise((resolve) => setTimeout(resolve, 2_500))
})

test.afterAll(async () => {
  for (const instance of instances) instance.process.kill('SIGCONT')
  await Promise.all(instances.map((instance) => instance.stop()))
  await redisClient?.disconnect().catch(() => {})
  await redis?.stop()
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
})

test('both instances say at start that their cache is in Redis', () => {
  const address = new URL(redis.url).host
  for (const instance of [a, b])
    expect(instance.output()).toContain(`Rendering cache and rate-limit counters: Redis at ${address}`)
})

test('both instances read the published glossary into their term directory as they start', async () => {
  for (const instance of [a, b]) {
    await expect
      .poll(() => instance.output(), { timeout: 30_000 })
      .toMatch(/Term directory ready: \d+ published terms read in \d+\.\d s/)
  }
})

test('a page rendered on A is served from the shared cache on B, which never rendered it', async () => {
  const slug = takeUnrequestedSlug()
  const onA = await getPage(a, `/terms/${slug}`)
  expect(onA.cache).toBe('MISS')
  const stored = await storedPage(slug)
  expect(stored, 'A stored the page in Redis').not.toBeNull()

  const onB = await getPage(b, `/terms/${slug}`)
  expect(onB.cache).toBe('HIT')
  // B read A's entry and stored nothing of its own.
  expect(await storedPage(slug)).toEqual(stored)
})

test('an anonymous API answer read on A is replayed on B from the shared cache: same bytes, same ETag', async () => {
  const slug = takeUnrequestedSlug()
  const address = `/api/terms?where[slug][equals]=${slug}&depth=1&limit=1`
  const onA = await fetch(`${a.baseURL}${address}`)
  expect(onA.headers.get('x-cloudlex-api-cache')).toBe('MISS')
  const body = await onA.text()
  expect(body).toContain(`"slug":"${slug}"`)
  // A stores the answer in Redis just after answering; until then B answers from Payload, uncached.
  await expect(async () => {
    const onB = await fetch(`${b.baseURL}${address}`)
    expect(onB.headers.get('x-cloudlex-api-cache')).toBe('HIT')
    expect(onB.headers.get('etag')).toMatch(/^"[\w-]+"$/)
    expect(onB.headers.get('etag')).toBe(onA.headers.get('etag'))
    expect(await onB.text()).toBe(body)
  }).toPass({ timeout: 5_000 })
})

test('an edit published through A shows on B within 2 s, and on A', async () => {
  const { slug, termId } = await termPageSharedByBoth()

  const login = await fetch(`${a.baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const definition = `Edited through instance A at ${Date.now()}.`
  const edit = await fetch(`${a.baseURL}/api/terms/${termId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ definition, _status: 'published' }),
  })
  expect(edit.status, await edit.clone().text()).toBe(200)
  const publishedAt = Date.now()

  // When B first answered with the edit, counted from the start of that request.
  let shownAfterMs: number | undefined
  while (shownAfterMs === undefined && Date.now() - publishedAt < 10_000) {
    const asked = Date.now()
    if ((await getPage(b, `/terms/${slug}`)).body.includes(definition)) shownAfterMs = asked - publishedAt
    else await new Promise((resolve) => setTimeout(resolve, 100))
  }
  process.stdout.write(`B showed the edit ${shownAfterMs} ms after it was published on A\n`)
  expect(shownAfterMs).toBeLessThan(2_000)
  expect((await getPage(a, `/terms/${slug}`)).body).toContain(definition)
})

test('an expiry made on A removes the shared entry for B, while B is frozen and cannot expire anything', async () => {
  const { slug, termId } = await termPageSharedByBoth()
  const before = await storedPage(slug)
  expect(before).not.toBeNull()

  b.process.kill('SIGSTOP')
  try {
    const login = await fetch(`${a.baseURL}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    const { token } = (await login.json()) as { token: string }
    const definition = `Expired by instance A alone at ${Date.now()}.`
    const edit = await fetch(`${a.baseURL}/api/terms/${termId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify({ definition, _status: 'published' }),
    })
    expect(edit.status).toBe(200)
    // A's change sync expires the page's tags; nobody asks for the page meanwhile, so it stays gone.
    await expect(async () => expect(await storedPage(slug)).toBeNull()).toPass({ intervals: [100], timeout: 5_000 })
    b.process.kill('SIGCONT')
    expect((await getPage(b, `/terms/${slug}`)).body).toContain(definition)
  } finally {
    b.process.kill('SIGCONT')
  }
})

/** A term page A rendered and B then served from the shared cache: its slug and the term's id. */
async function termPageSharedByBoth(): Promise<{ slug: string; termId: string }> {
  const slug = takeUnrequestedSlug()
  const [term] = (
    (await (await fetch(`${a.baseURL}/api/terms?where[slug][equals]=${slug}&depth=0`)).json()) as {
      docs: { id: string }[]
    }
  ).docs
  await getPage(a, `/terms/${slug}`)
  expect((await getPage(b, `/terms/${slug}`)).cache).toBe('HIT')
  return { slug, termId: term!.id }
}

/** The first answer an instance gives to `address`, asked for from the moment its port opens. */
async function firstAnswer(instance: AppInstance, address: string): Promise<Response> {
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (instance.process.exitCode !== null) throw new Error(`instance ${instance.name} exited:\n${instance.output()}`)
    try {
      return await fetch(`${instance.baseURL}${address}`)
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  throw new Error(`instance ${instance.name} never opened its port:\n${instance.output()}`)
}

test('an instance starting after a change no running instance saw never answers from what was cached before it', async () => {
  const slug = takeUnrequestedSlug()
  const address = `/api/v1/terms/${slug}`
  expect((await fetch(`${b.baseURL}${address}`)).headers.get('x-cloudlex-api-cache')).toBe('MISS')
  expect((await fetch(`${b.baseURL}${address}`)).headers.get('x-cloudlex-api-cache')).toBe('HIT')

  // A change written to the database with no instance to see it (as by a restore or a tool run while
  // the site was down): only an instance's first look at the log, which expires everything, can catch it.
  const definition = `Changed while no instance was looking, at ${Date.now()}.`
  const database = createDatabaseClient({ url: `file:${path.join(workDir, 'shared.db')}` })
  await database.execute({ sql: 'UPDATE terms SET definition = ? WHERE slug = ?', args: [definition, slug] })
  database.close()

  const late = await launchAppInstance({ name: 'late', env: instanceEnv({ REDIS_URL: redis.url }) })
  instances.push(late)
  const first = await firstAnswer(late, address)
  expect(first.status).toBe(200)
  expect(((await first.json()) as { definition: string }).definition).toBe(definition)
})

test('an instance without REDIS_URL keeps its cache to itself and says so', async () => {
  const solo = await startInstance('solo', instanceEnv())
  expect(solo.output()).toContain("Rendering cache and rate-limit counters: this process's own")
  expect(solo.output()).not.toContain('Redis at')
  const slug = takeUnrequestedSlug()
  await expect(async () => {
    await getPage(solo, `/terms/${slug}`)
    expect((await getPage(solo, `/terms/${slug}`)).cache).toBe('HIT')
  }).toPass({ timeout: 10_000 })
  expect(await storedPage(slug)).toBeNull()
  expect((await getPage(b, `/terms/${slug}`)).cache).toBe('MISS')
})
