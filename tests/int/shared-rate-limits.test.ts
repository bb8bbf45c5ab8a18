// Rate-limit counters shared through a real Redis (tests/support/redis-server.ts): two limiter stores,
// each with its own connection as two app instances have, count against one budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'

import { connectRedisClient, type RedisClient } from '@/redis/redis-client'
import { rateLimitKeyPrefix, readRedisSettings } from '@/redis/redis-settings.mjs'
import { createRateLimiterStore, rateLimitBackend, type RateLimitBackend } from '@/rate-limit/rate-limiter-store'

import { startRedisServer, type RedisServer } from '../support/redis-server'

const SETTING = { points: 3, seconds: 60 }

let redis: RedisServer
const clients: RedisClient[] = []

async function instanceBackend(url: string): Promise<RateLimitBackend> {
  const client = connectRedisClient(url)
  clients.push(client)
  // The client connects in the background; these tests need it connected, not the memory fallback.
  while (!client.isReady) await new Promise((resolve) => setTimeout(resolve, 20))
  return { kind: 'redis', client, keyPrefix: rateLimitKeyPrefix(readRedisSettings({ REDIS_URL: url })!) }
}

async function outcome(consume: Promise<unknown>): Promise<'allowed' | 'refused'> {
  try {
    await consume
    return 'allowed'
  } catch (error) {
    if (error instanceof RateLimiterRes) return 'refused'
    throw error
  }
}

beforeAll(async () => {
  redis = await startRedisServer()
})

afterAll(async () => {
  await Promise.all(clients.map((client) => client.disconnect().catch(() => {})))
  await redis?.stop()
})

describe('rate-limit counters with REDIS_URL set', () => {
  it('lets two instances spend one budget between them and refuses the next request, whichever asks', async () => {
    const first = createRateLimiterStore('shared-budget', SETTING, await instanceBackend(redis.url))
    const second = createRateLimiterStore('shared-budget', SETTING, await instanceBackend(redis.url))
    expect(first).toBeInstanceOf(RateLimiterRedis)
    const key = '198.51.100.7'
    const answers = [
      await outcome(first.consume(key)),
      await outcome(second.consume(key)),
      await outcome(first.consume(key)),
      await outcome(second.consume(key)),
      await outcome(first.consume(key)),
    ]
    expect(answers).toEqual(['allowed', 'allowed', 'allowed', 'refused', 'refused'])
    // Another client still has its own budget on both.
    expect(await outcome(second.consume('198.51.100.8'))).toBe('allowed')
  })

  it('keeps the counters under the rate-limit prefix, apart from the rendering cache', async () => {
    const backend = await instanceBackend(redis.url)
    await createRateLimiterStore('prefixed', SETTING, backend).consume('203.0.113.9')
    expect(await clients[0]!.keys('cloudlex:rate-limit:prefixed:3/60*')).toHaveLength(1)
  })

  it('counts in memory when Redis is unreachable, rather than refusing or allowing everything', async () => {
    const client = connectRedisClient('redis://127.0.0.1:9')
    clients.push(client)
    const backend: RateLimitBackend = { kind: 'redis', client, keyPrefix: 'cloudlex:rate-limit:' }
    const store = createRateLimiterStore('unreachable', { points: 1, seconds: 60 }, backend)
    expect(await outcome(store.consume('192.0.2.1'))).toBe('allowed')
    expect(await outcome(store.consume('192.0.2.1'))).toBe('refused')
  })
})

describe('rate-limit counters without REDIS_URL', () => {
  it('counts in this process’s memory and opens no connection', () => {
    expect(rateLimitBackend({})).toEqual({ kind: 'memory' })
    expect(createRateLimiterStore('local', SETTING, rateLimitBackend({}))).toBeInstanceOf(RateLimiterMemory)
  })
})
