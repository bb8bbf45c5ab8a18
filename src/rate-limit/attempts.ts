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

/** What is left of a limit after a request was counted: points, and seconds until the window starts again. */
export type RateLimitQuota = { limit: number; windowSeconds: number; remaining: number; resetSeconds: number }

/** Counts one request and says what is left, or refuses it when it is over the limit. */
export async function takeMeteredAttempt(
  name: RateLimitName,
  key: string,
): Promise<{ quota: RateLimitQuota; refusal: RateLimitRefusal | null }> {
  const { limiter, setting } = rateLimiter(name)
  const quotaOf = (state: RateLimiterRes): RateLimitQuota => ({
    limit: setting.points,
    windowSeconds: setting.seconds,
    remaining: Math.max(0, state.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)),
  })
  try {
    return { quota: quotaOf(await limiter.consume(key)), refusal: null }
  } catch (error) {
    if (error instanceof RateLimiterRes) return { quota: quotaOf(error), refusal: refusal(name, error.msBeforeNext) }
    throw error
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
