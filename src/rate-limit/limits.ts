// Every rate limit Cloudlex applies, with its default and the environment variable that changes it.
// A setting is "<attempts>/<seconds>", e.g. CLOUDLEX_RATE_LIMIT_LOGIN=20/900.
import type { Environment } from '../config/environment'

/** Payload locks an account after this many failed sign-ins in a row, from anywhere. */
export const ACCOUNT_LOCKOUT_ATTEMPTS = 5

type RateLimitDefinition = { env: string; points: number; seconds: number; counts: string }

export const RATE_LIMITS = {
  loginFailuresByAddress: {
    env: 'CLOUDLEX_RATE_LIMIT_LOGIN',
    points: 20,
    seconds: 15 * 60,
    counts: 'failed sign-ins from your address',
  },
  // Below the account lockout, so one address alone cannot lock a person out everywhere.
  loginFailuresByAccount: {
    env: 'CLOUDLEX_RATE_LIMIT_LOGIN_ACCOUNT',
    points: ACCOUNT_LOCKOUT_ATTEMPTS - 1,
    seconds: 15 * 60,
    counts: 'failed sign-ins to this account from your address',
  },
  forgotPassword: {
    env: 'CLOUDLEX_RATE_LIMIT_FORGOT_PASSWORD',
    points: 5,
    seconds: 15 * 60,
    counts: 'password-reset requests from your address',
  },
  // Per account from anywhere: a mailbox is not flooded with reset emails from many addresses.
  forgotPasswordByAccount: {
    env: 'CLOUDLEX_RATE_LIMIT_FORGOT_PASSWORD_ACCOUNT',
    points: 3,
    seconds: 15 * 60,
    counts: 'password-reset requests for this account',
  },
  resetPassword: {
    env: 'CLOUDLEX_RATE_LIMIT_RESET_PASSWORD',
    points: 10,
    seconds: 15 * 60,
    counts: 'password resets from your address',
  },
  unlock: {
    env: 'CLOUDLEX_RATE_LIMIT_UNLOCK',
    points: 10,
    seconds: 15 * 60,
    counts: 'account unlocks from your address',
  },
  searchSuggest: {
    env: 'CLOUDLEX_RATE_LIMIT_SEARCH_SUGGEST',
    points: 120,
    seconds: 60,
    counts: 'search suggestions for your address',
  },
  notFoundSuggestions: {
    env: 'CLOUDLEX_RATE_LIMIT_NOT_FOUND',
    points: 60,
    seconds: 60,
    counts: 'suggestions on missing pages for your address',
  },
  // Answers of the v1 content API that were not served from the cache (src/api-v1/rate-limit.ts).
  contentApiByAddress: {
    env: 'CLOUDLEX_RATE_LIMIT_CONTENT_API',
    points: 300,
    seconds: 60,
    counts: 'content API requests from your address that the cache could not answer',
  },
  contentApiByKey: {
    env: 'CLOUDLEX_RATE_LIMIT_CONTENT_API_KEY',
    points: 1_200,
    seconds: 60,
    counts: 'content API requests with your key that the cache could not answer',
  },
} as const satisfies Record<string, RateLimitDefinition>

export type RateLimitName = keyof typeof RATE_LIMITS
export type RateLimitSetting = { points: number; seconds: number }

const SETTING_PATTERN = /^(\d+)\s*\/\s*(\d+)$/

/** The setting for one limit: the default, or the value of its environment variable. */
export function readRateLimit(name: RateLimitName, env: Environment = process.env): RateLimitSetting {
  const { env: variable, points, seconds } = RATE_LIMITS[name]
  const value = env[variable]?.trim()
  if (!value) return { points, seconds }
  const match = SETTING_PATTERN.exec(value)
  const parsed = match ? { points: Number(match[1]), seconds: Number(match[2]) } : undefined
  if (!parsed || parsed.points < 1 || parsed.seconds < 1) {
    throw new Error(
      `${variable} must be "<attempts>/<seconds>" with both at least 1 (default ${points}/${seconds}); got "${value}".`,
    )
  }
  return parsed
}

/** Reads every limit, so a mistyped setting stops the server at start rather than at the first sign-in. */
export function readAllRateLimits(env: Environment = process.env): Record<RateLimitName, RateLimitSetting> {
  const names = Object.keys(RATE_LIMITS) as RateLimitName[]
  return Object.fromEntries(names.map((name) => [name, readRateLimit(name, env)])) as Record<
    RateLimitName,
    RateLimitSetting
  >
}

/** "4 per 15 minutes": how a refusal names the limit it hit. */
export function describeRateLimit({ points, seconds }: RateLimitSetting): string {
  const window = seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} seconds`
  return `${points} per ${window}`
}
