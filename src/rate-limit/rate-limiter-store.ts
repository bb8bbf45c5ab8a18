// Where rate-limit counters live. This is the one place that knows: in Redis when REDIS_URL is set, so
// that several app instances count against one budget (with per-instance counters, N instances would
// multiply every limit by N); in this process's memory otherwise.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'

import { rateLimitKeyPrefix, readRedisSettings } from '../redis/redis-settings.mjs'
import { sharedRedisClient, type RedisClient } from '../redis/redis-client'
import type { Environment } from '../config/environment'

import { readRateLimit, type RateLimitName, type RateLimitSetting } from './limits'

export type RateLimitBackend = { kind: 'memory' } | { kind: 'redis'; client: RedisClient; keyPrefix: string }

export function rateLimitBackend(env: Environment = process.env): RateLimitBackend {
  const settings = readRedisSettings(env)
  if (!settings) return { kind: 'memory' }
  return { kind: 'redis', client: sharedRedisClient(settings.url), keyPrefix: rateLimitKeyPrefix(settings) }
}

export function createRateLimiterStore(
  keyPrefix: string,
  { points, seconds }: RateLimitSetting,
  backend: RateLimitBackend = rateLimitBackend(),
): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: seconds })
  if (backend.kind === 'memory') return memory
  return new RateLimiterRedis({
    storeClient: backend.client,
    useRedisPackage: true,
    // The setting is part of the key, as it is of the memory limiter's identity: a changed setting starts fresh
    // counters.
    keyPrefix: `${backend.keyPrefix}${keyPrefix}:${points}/${seconds}`,
    points,
    duration: seconds,
    // While Redis is unreachable each instance counts in its own memory. The alternatives are worse:
    // refusing everything would lock every reader out of search and every editor out of signing in for
    // the length of a Redis blip; counting nothing would lift the brute-force limits on sign-in. Limits
    // per instance still hold, only multiplied by the number of instances until Redis is back. The
    // client fails commands at once while disconnected, so no request waits on Redis to come back.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  })
}

// Next bundles route handlers and Payload's hooks separately, so a module-level map could exist twice
// in one process; keeping the limiters on globalThis makes every bundle count on the same ones.
const LIMITERS_KEY = Symbol.for('cloudlex.rate-limiters')
type LimiterRegistry = Map<string, RateLimiterAbstract>

function registry(): LimiterRegistry {
  const global = globalThis as { [LIMITERS_KEY]?: LimiterRegistry }
  global[LIMITERS_KEY] ??= new Map()
  return global[LIMITERS_KEY]
}

/** The limiter for `name` with its current setting (a changed setting starts fresh counters). */
export function rateLimiter(
  name: RateLimitName,
  env: Environment = process.env,
): { limiter: RateLimiterAbstract; setting: RateLimitSetting } {
  const setting = readRateLimit(name, env)
  const id = `${name}:${setting.points}/${setting.seconds}`
  const limiters = registry()
  let limiter = limiters.get(id)
  if (!limiter) {
    limiter = createRateLimiterStore(name, setting, rateLimitBackend(env))
    limiters.set(id, limiter)
  }
  return { limiter, setting }
}
