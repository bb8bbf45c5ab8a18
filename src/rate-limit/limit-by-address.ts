import { clientAddressOf } from '@/http/client-address-header'

import { takeAttempt, UNKNOWN_ADDRESS, type RateLimitDecision } from './attempts'
import type { RateLimitName } from './limits'

/** The rate-limit key of the request's client address. */
export function addressKey(headers: Pick<Headers, 'get'> | undefined): string {
  return clientAddressOf(headers) ?? UNKNOWN_ADDRESS
}

/** Counts one request from the client's address against `name`. */
export function takeAttemptFromAddress(
  name: RateLimitName,
  headers: Pick<Headers, 'get'> | undefined,
): Promise<RateLimitDecision> {
  return takeAttempt(name, addressKey(headers))
}
