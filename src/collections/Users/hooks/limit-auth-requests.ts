// Rate limits on signing in and recovering accounts, whichever route a request takes (REST or GraphQL:
// both run the same operations). Local API calls are the server's own code and are not limited.
//
// Sign-in counts failures, not attempts, so staff who sign in often are never slowed down. It counts them
// twice: per client address (one address trying many accounts), and per address and account (one
// address guessing one password). The second limit is below Payload's account lockout, so a single
// attacker is stopped before the account locks and cannot lock its owner out from everywhere; the
// lockout remains for attacks spread over many addresses.
import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { checkAttempts, countFailure, forgetAttempts, takeAttempt, type RateLimitRefusal } from '@/rate-limit/attempts'
import { addressKey, takeAttemptFromAddress } from '@/rate-limit/limit-by-address'
import type { RateLimitName } from '@/rate-limit/limits'

const STATUS_TOO_MANY_REQUESTS = 429

/** Payload answers it as a 429 with this message on REST; GraphQL reports it in `errors[].extensions`. */
class TooManyRequestsError extends APIError<{ retryAfterSeconds: number }> {
  constructor({ message, retryAfterSeconds }: RateLimitRefusal) {
    super(message, STATUS_TOO_MANY_REQUESTS, { retryAfterSeconds }, true)
  }
}

export function isTooManyRequests(error: unknown): boolean {
  return error instanceof APIError && error.status === STATUS_TOO_MANY_REQUESTS
}

/** Payload merges `req.responseHeaders` into the error response of both REST and GraphQL. */
function refuse(req: PayloadRequest, refusal: RateLimitRefusal): never {
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(refusal.retryAfterSeconds))
  req.responseHeaders = headers
  throw new TooManyRequestsError(refusal)
}

const isFromClient = (req: PayloadRequest) => req.payloadAPI !== 'local'

const emailOf = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase().slice(0, 254) : '')

function accountKey(req: PayloadRequest, email: unknown): string {
  return `${addressKey(req.headers)} ${emailOf(email)}`
}

const LIMITED_OPERATIONS: Partial<Record<string, RateLimitName>> = {
  forgotPassword: 'forgotPassword',
  resetPassword: 'resetPassword',
  unlock: 'unlock',
}

export const limitAuthRequests: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!isFromClient(req)) return args
  if (operation === 'login') {
    const email = (args as { data?: { email?: unknown } }).data?.email
    const refusal =
      (await checkAttempts('loginFailuresByAddress', addressKey(req.headers))) ??
      (await checkAttempts('loginFailuresByAccount', accountKey(req, email)))
    if (refusal) refuse(req, refusal)
    return args
  }
  const limit = LIMITED_OPERATIONS[operation]
  if (limit) {
    const refusal = await takeAttemptFromAddress(limit, req.headers)
    if (refusal) refuse(req, refusal)
  }
  if (operation === 'forgotPassword') {
    const email = emailOf((args as { data?: { email?: unknown } }).data?.email)
    const refusal = await takeAttempt('forgotPasswordByAccount', email)
    if (refusal) refuse(req, refusal)
  }
  return args
}

/** A refused sign-in (from the users collection's and the config's `afterError`). */
export async function countFailedLogin(req: PayloadRequest, email: string | undefined): Promise<void> {
  if (!isFromClient(req)) return
  await countFailure('loginFailuresByAddress', addressKey(req.headers))
  await countFailure('loginFailuresByAccount', accountKey(req, email))
}

/** A successful sign-in clears that account's failures from this address (not the address's own count). */
export const forgiveLoginFailures: CollectionAfterLoginHook = async ({ req, user }) => {
  if (isFromClient(req)) await forgetAttempts('loginFailuresByAccount', accountKey(req, user.email))
}
