// The client's address as the Cloudlex server (src/server/server.ts) worked it out from the socket and
// the proxies it trusts. The server overwrites this header on every request, so unlike X-Forwarded-For
// a client cannot choose its value. Everything that needs the address (audit log, rate limits) reads it
// through `clientAddressOf`.
export const CLIENT_ADDRESS_HEADER = 'x-cloudlex-client-address'

// An IPv6 address with a zone is at most ~45 characters; anything longer is not an address.
const MAX_ADDRESS_LENGTH = 64

/** The client's address, or undefined when the request did not come through the Cloudlex server. */
export function clientAddressOf(headers: Pick<Headers, 'get'> | undefined): string | undefined {
  const address = headers?.get(CLIENT_ADDRESS_HEADER)?.trim()
  return address ? address.slice(0, MAX_ADDRESS_LENGTH) : undefined
}
