import type { Server } from 'node:http'

/** A client gets this long to send its headers, and this long for the whole request (a 12 MiB upload). */
export const HEADERS_TIMEOUT_MS = 20_000
export const REQUEST_TIMEOUT_MS = 120_000

/**
 * How long an idle kept-alive connection stays open. A client that reuses a connection at the moment the
 * server closes it sees its request reset, and a POST sent that way is lost. Node closes after 5 s by default,
 * shorter than the idle time of the clients and proxies in front (browsers, HTTP client libraries, load
 * balancers), so the server must be the side that waits longest: the proxy in front gives up first.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000

export function applyConnectionTimeouts(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS
  server.requestTimeout = REQUEST_TIMEOUT_MS
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
}
