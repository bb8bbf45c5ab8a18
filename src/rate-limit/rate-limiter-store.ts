// Where rate-limit counters live. This is the one place that knows: counters are kept in this process's
// memory, which suits the single app process Cloudlex runs as. To share them between several app
// instances, return a RateLimiterRedis (same package, same interface) from `createRateLimiterStore`.
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible'

import type { Environment } from '../server/environment'

import { readRateLimit, type RateLimitName, type RateLimitSetting } from './limits'

export function createRateLimiterStore(keyPrefix: string, { points, seconds }: RateLimitSetting): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix, points, duration: seconds })
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
export function rateLimiter(name: RateLimitName, env: Environment = process.env): { limiter: RateLimiterAbstract; setting: RateLimitSetting } {
  const setting = readRateLimit(name, env)
  const id = `${name}:${setting.points}/${setting.seconds}`
  const limiters = registry()
  let limiter = limiters.get(id)
  if (!limiter) {
    limiter = createRateLimiterStore(name, setting)
    limiters.set(id, limiter)
  }
  return { limiter, setting }
}
