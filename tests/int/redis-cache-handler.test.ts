// The Redis cache handler Next loads when REDIS_URL is set (src/site-cache/redis-cache-handler.mjs),
// against a real Redis: what one instance stores another reads, an expiry by tag removes it for all,
// and an unreachable Redis makes reads misses instead of making requests wait.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startRedisServer, type RedisServer } from '../support/redis-server'

type Handler = {
  get: (key: string, ctx: unknown) => Promise<{ value: unknown } | null>
  set: (key: string, data: unknown, ctx: unknown) => Promise<void>
  revalidateTag: (tags: string | string[], durations?: unknown) => Promise<void>
}

const FETCH_CONTEXT = {
  kind: 'FETCH',
  revalidate: 3600,
  fetchUrl: '',
  fetchIdx: 0,
  tags: ['term:7'],
  softTags: [],
  isFallback: false,
}
const ENTRY = {
  kind: 'FETCH',
  data: { headers: {}, body: 'eyJ0aXRsZSI6Ikt1YmVybmV0ZXMifQ==', status: 200, url: '' },
  revalidate: 3600,
}
const SET_CONTEXT = {
  tags: ['term:7'],
  isRoutePPREnabled: false,
  isFallback: false,
  cacheControl: { revalidate: 3600, expire: 31_536_000 },
}

let redis: RedisServer
let nextDir: string

/** A handler as one app process has it: the module is loaded afresh, so it has its own connections. */
async function handlerOfNewInstance(redisUrl: string): Promise<Handler> {
  vi.stubEnv('REDIS_URL', redisUrl)
  vi.resetModules()
  const { default: RedisCacheHandler } = (await import('@/site-cache/redis-cache-handler.mjs')) as unknown as {
    default: new (options: { serverDistDir: string }) => Handler
  }
  return new RedisCacheHandler({ serverDistDir: path.join(nextDir, 'server') })
}

beforeAll(async () => {
  // The package offers no way to close its connections, and it logs every reconnect attempt: after the
  // test's Redis has stopped, those logs would outlive the test file.
  vi.spyOn(console, 'error').mockImplementation(() => {})
  redis = await startRedisServer()
  nextDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-next-'))
  fs.writeFileSync(path.join(nextDir, 'BUILD_ID'), 'build-under-test')
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await redis?.stop()
  fs.rmSync(nextDir, { recursive: true, force: true })
})

describe('the Redis cache handler', () => {
  it('serves on one instance what another stored, until an expiry by tag removes it from both', async () => {
    const first = await handlerOfNewInstance(redis.url)
    const second = await handlerOfNewInstance(redis.url)
    await first.set('read:term:7', ENTRY, SET_CONTEXT)
    expect((await second.get('read:term:7', FETCH_CONTEXT))?.value).toEqual(ENTRY)

    // Cloudlex expires with revalidateTag(tag, { expire: 0 }); Next passes the profile on to the handler.
    // Every instance expires every changed tag (each follows the change log), so the instance that stored
    // an entry always expires it. An instance learns the tags of entries another stored a moment later,
    // through Redis: expiring on `second` right after `first` stored the entry left it in place about
    // one run in five.
    await first.revalidateTag(['term:7'], { expire: 0 })
    expect(await first.get('read:term:7', FETCH_CONTEXT)).toBeNull()
    await expect.poll(() => second.get('read:term:7', FETCH_CONTEXT), { timeout: 2_000, interval: 50 }).toBeNull()
  })

  it('keeps each build’s entries under its own prefix', async () => {
    const handler = await handlerOfNewInstance(redis.url)
    await handler.set('read:prefixed', ENTRY, SET_CONTEXT)
    const { createClient } = await import('redis')
    const client = createClient({ url: redis.url })
    await client.connect()
    expect(await client.keys('cloudlex:build-under-test:read:prefixed')).toHaveLength(1)
    await client.disconnect()
  })

  it('answers a read with a miss within a second when Redis is unreachable, and takes an expiry without failing', async () => {
    const handler = await handlerOfNewInstance('redis://127.0.0.1:9')
    const started = Date.now()
    expect(await handler.get('read:term:7', FETCH_CONTEXT)).toBeNull()
    expect(Date.now() - started).toBeLessThan(1_000)
    await expect(handler.revalidateTag(['term:7'], { expire: 0 })).resolves.toBeUndefined()
  })
})
