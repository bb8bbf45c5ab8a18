import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { checkAttempts, countFailure, forgetAttempts, takeAttempt } from '@/rate-limit/attempts'
import {
  ACCOUNT_LOCKOUT_ATTEMPTS,
  describeRateLimit,
  readAllRateLimits,
  readRateLimit,
  RATE_LIMITS,
} from '@/rate-limit/limits'

let keyCounter = 0
const freshKey = () => `unit-${Date.now()}-${(keyCounter += 1)}`

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('rate-limit settings', () => {
  it('uses the defaults when nothing is set', () => {
    expect(readRateLimit('searchSuggest', {})).toEqual({ points: 120, seconds: 60 })
  })

  it('reads "<attempts>/<seconds>" from the limit’s variable', () => {
    expect(readRateLimit('forgotPassword', { CLOUDLEX_RATE_LIMIT_FORGOT_PASSWORD: '3 / 600' })).toEqual({
      points: 3,
      seconds: 600,
    })
  })

  it('refuses a malformed setting, naming the variable and the expected form', () => {
    expect(() => readAllRateLimits({ CLOUDLEX_RATE_LIMIT_LOGIN: 'ten per minute' })).toThrow(
      'CLOUDLEX_RATE_LIMIT_LOGIN must be "<attempts>/<seconds>" with both at least 1 (default 20/900); got "ten per minute".',
    )
    expect(() => readRateLimit('unlock', { CLOUDLEX_RATE_LIMIT_UNLOCK: '0/60' })).toThrow(/CLOUDLEX_RATE_LIMIT_UNLOCK/)
  })

  it('stops one address before it can lock an account for everyone', () => {
    expect(RATE_LIMITS.loginFailuresByAccount.points).toBeLessThan(ACCOUNT_LOCKOUT_ATTEMPTS)
  })

  it('documents every limit in .env.example with its default', () => {
    const example = readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8')
    for (const { env, points, seconds } of Object.values(RATE_LIMITS))
      expect(example).toContain(`# ${env}=${points}/${seconds} `)
  })

  it('names a limit the way a person reads it', () => {
    expect(describeRateLimit({ points: 4, seconds: 900 })).toBe('4 per 15 minutes')
    expect(describeRateLimit({ points: 120, seconds: 60 })).toBe('120 per 1 minute')
    expect(describeRateLimit({ points: 2, seconds: 90 })).toBe('2 per 90 seconds')
  })
})

describe('counting attempts', () => {
  it('refuses the attempt after the limit with the seconds to wait and the limit it hit', async () => {
    vi.stubEnv('CLOUDLEX_RATE_LIMIT_SEARCH_SUGGEST', '2/60')
    const key = freshKey()
    expect(await takeAttempt('searchSuggest', key)).toBeNull()
    expect(await takeAttempt('searchSuggest', key)).toBeNull()
    const refusal = await takeAttempt('searchSuggest', key)
    expect(refusal?.retryAfterSeconds).toBeGreaterThan(0)
    expect(refusal?.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect(refusal?.message).toMatch(
      /^Too many search suggestions for your address \(limit 2 per 1 minute\)\. Try again in \d+ seconds\.$/,
    )
  })

  it('counts each key on its own', async () => {
    vi.stubEnv('CLOUDLEX_RATE_LIMIT_SEARCH_SUGGEST', '1/60')
    const [first, second] = [freshKey(), freshKey()]
    expect(await takeAttempt('searchSuggest', first)).toBeNull()
    expect(await takeAttempt('searchSuggest', first)).not.toBeNull()
    expect(await takeAttempt('searchSuggest', second)).toBeNull()
  })

  it('holds counted failures against later checks, and forgets them when told', async () => {
    vi.stubEnv('CLOUDLEX_RATE_LIMIT_LOGIN_ACCOUNT', '2/60')
    const key = freshKey()
    await countFailure('loginFailuresByAccount', key)
    expect(await checkAttempts('loginFailuresByAccount', key)).toBeNull()
    await countFailure('loginFailuresByAccount', key)
    expect((await checkAttempts('loginFailuresByAccount', key))?.message).toMatch(/failed sign-ins to this account/)
    await forgetAttempts('loginFailuresByAccount', key)
    expect(await checkAttempts('loginFailuresByAccount', key)).toBeNull()
  })
})
