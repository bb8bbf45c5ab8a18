// Where a delivery may go. A webhook's address is typed by an admin, but the server is what connects to
// it: an address inside the server's network (the cloud's metadata service, a database, an admin port)
// would let anyone who may add an endpoint probe that network. Before each attempt the host is resolved
// once, every address it resolves to must be public, and the request then connects to the address
// vetted here rather than resolving the name again (a second answer could name a private address).
import { lookup as dnsLookup } from 'node:dns/promises'
import { isIP } from 'node:net'

import ipaddr from 'ipaddr.js'

export type ResolvedAddress = { address: string; family: 4 | 6 }
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

/** A destination the server will not send to; recorded as the attempt's reason, never retried. */
export class RefusedDestination extends Error {}

const resolveAll: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }))

/**
 * Anything but ipaddr.js's "unicast" (public) range: private, loopback, link-local, unique-local, CGNAT,
 * multicast, ...
 */
export function nonPublicRange(address: string): string | null {
  const parsed = ipaddr.process(address)
  const range = parsed.range()
  return range === 'unicast' ? null : range
}

/** Why an endpoint may not have this URL, or null; the endpoint's form shows it under the URL field. */
export function webhookUrlProblem(text: unknown): string | null {
  if (typeof text !== 'string' || !text.trim()) return 'Enter the address to send deliveries to.'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'Enter a full address, such as https://example.com/webhooks/cloudlex.'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `Use an http:// or https:// address, not ${url.protocol}//.`
  if (url.username || url.password) return 'Leave credentials out of the address.'
  return null
}

/**
 * The address to connect to for `url`: the first of the host's addresses, once all of them are public.
 * Throws RefusedDestination, naming the address and its range, otherwise.
 */
export async function vetDestination(
  url: URL,
  { allowPrivate, resolve = resolveAll }: { allowPrivate: boolean; resolve?: Resolver },
): Promise<ResolvedAddress> {
  const problem = webhookUrlProblem(url.href)
  if (problem) throw new RefusedDestination(problem)
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const literal = isIP(host)
  const addresses = literal ? [{ address: host, family: literal as 4 | 6 }] : await resolveHost(resolve, host)
  if (addresses.length === 0) throw new RefusedDestination(`${host} resolves to no address.`)
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const range = nonPublicRange(address)
      if (range)
        throw new RefusedDestination(`Refused: ${host} resolves to ${address}, a ${range} address, not a public one.`)
    }
  }
  return addresses[0]!
}

async function resolveHost(resolve: Resolver, host: string): Promise<ResolvedAddress[]> {
  try {
    return await resolve(host)
  } catch (error) {
    // A name that does not resolve may resolve later: a failed attempt, retried, not a refusal.
    throw new Error(`Could not resolve ${host}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
