// Counting requests against a named limit, and the refusal a caller shows when the limit is reached.
import { RateLimiterRes } from 'rate-limiter-flexible'

import { describeRateLimit, RATE_LIMITS, type RateLimitName } from './limits'
import { rateLimiter } from './rate-limiter-store'

export type RateLimitRefusal = { retryAfterSeconds: number; message: string }
/** null: go ahead. */
export type RateLimitDecision = RateLimitRefusal | null

function refusal(name: RateLimitName, msBeforeNext: number): RateLimitRefusal {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  const { setting } = rateLimiter(name)
  return {
    retryAfterSeconds,
    message: `Too many ${RATE_LIMITS[name].counts} (limit ${describeRateLimit(setting)}). Try again in ${retryAfterSeconds} seconds.`,
  }
}

/** Counts one request; refuses it when it is over the limit. */
export async function takeAttempt(name: RateLimitName, key: string): Promise<RateLimitDecision> {
  try {
    await rateLimiter(name).limiter.consume(key)
    return null
  } catch (error) {
    if (error instanceof RateLimiterRes) return refusal(name, error.msBeforeNext)
    throw error
  }
}

/** Refuses without counting when earlier requests have used up the limit (for limits that count failures). */
export async function checkAttempts(name: RateLimitName, key: string): Promise<RateLimitDecision> {
  const { limiter, setting } = rateLimiter(name)
  const state = await limiter.get(key)
  if (!state || state.consumedPoints < setting.points) return null
  return refusal(name, state.msBeforeNext)
}

/** Counts a failure that `checkAttempts` will hold against the next request. */
export async function countFailure(name: RateLimitName, key: string): Promise<void> {
  await rateLimiter(name).limiter.penalty(key)
}

/** Forgets the failures counted for `key` (after a successful sign-in). */
export async function forgetAttempts(name: RateLimitName, key: string): Promise<void> {
  await rateLimiter(name).limiter.delete(key)
}

/** The key for requests whose address is unknown (not through the Cloudlex server): they share one budget. */
export const UNKNOWN_ADDRESS = 'unknown-address'
