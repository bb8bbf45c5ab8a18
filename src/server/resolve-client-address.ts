// Works out who is on the other end of a request: the socket's address, or, when the socket belongs to a
// proxy the operator trusts (TRUSTED_PROXIES), the address that proxy reports in X-Forwarded-For.
import type { IncomingMessage } from 'node:http'

import proxyAddr from 'proxy-addr'

export type TrustedProxies = (address: string, hop: number) => boolean

const TRUST_NOTHING: TrustedProxies = () => false

/**
 * Parses TRUSTED_PROXIES: comma-separated addresses, CIDR ranges or proxy-addr's names (`loopback`,
 * `linklocal`, `uniquelocal`). Unset or empty trusts no proxy, so X-Forwarded-For is ignored.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return TRUST_NOTHING
  try {
    return proxyAddr.compile(entries)
  } catch (error) {
    throw new Error(
      `TRUSTED_PROXIES: ${(error as Error).message}. Use comma-separated addresses, CIDR ranges (10.0.0.0/8) or loopback, linklocal, uniquelocal.`,
    )
  }
}

/** The client's address for `request`; undefined only when the socket is already gone. */
export function resolveClientAddress(
  request: Pick<IncomingMessage, 'headers' | 'socket'>,
  trusted: TrustedProxies,
): string | undefined {
  if (!request.socket?.remoteAddress) return undefined
  return withoutIPv4MappedPrefix(proxyAddr(request as IncomingMessage, trusted))
}

// A dual-stack socket reports IPv4 clients as ::ffff:203.0.113.9; the log and the limits use 203.0.113.9.
function withoutIPv4MappedPrefix(address: string): string {
  return /^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address) ? address.slice('::ffff:'.length) : address
}
