// The response headers that depend on the request or the run-time settings, set on the way out of the
// app: a Content Security Policy with a fresh nonce (added to the page's scripts, ./script-nonces.ts),
// HSTS on an https site, and the shared-cache policy (./shared-cache-policy.ts). Also answers an address
// Next could not decode with 400.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem'
import { hasValidPercentEncoding, INVALID_PERCENT_ENCODING_MESSAGE } from '../routes/path-encoding'
import {
  createNonce,
  isHttpsAddress,
  pageContentSecurityPolicy,
  strictTransportSecurity,
} from '../http/security-headers'
import { siteUrl } from '../routes/site-url'

import { createNonceInjector, type NonceInjector } from './script-nonces'
import { sharedCacheControl, type SharedCacheSettings } from './shared-cache-policy'

type Write = ServerResponse['write']
type End = ServerResponse['end']

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

function pagePolicy(nonce: string, dev: boolean): string {
  return pageContentSecurityPolicy({ nonce, development: dev, upgradeInsecureRequests: isHttpsAddress(siteUrl()) })
}

/** Rewrites the body of an HTML response through the injector; every other body passes unchanged. */
function transformBody(res: ServerResponse, injector: () => NonceInjector | null): void {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  // Node writes the head on the first body write; writing it first here decides whether to transform.
  const headFirst = () => {
    if (!res.headersSent) res.writeHead(res.statusCode)
  }
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    headFirst()
    const active = injector()
    if (!active || chunk === undefined || chunk === null || typeof chunk === 'function') return write(chunk, ...rest)
    return write(active.push(chunk as string | Buffer), ...rest.filter((arg) => typeof arg === 'function'))
  }) as Write
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    headFirst()
    const active = injector()
    if (!active) return end(chunk, ...rest)
    const callback = [chunk, ...rest].find((arg) => typeof arg === 'function')
    const body =
      chunk !== undefined && chunk !== null && typeof chunk !== 'function'
        ? active.push(chunk as string | Buffer)
        : Buffer.alloc(0)
    return end(Buffer.concat([body, active.end()]), callback)
  }) as End
}

/** The v1 API answers in its own error shape (src/http/problem.ts), even before Next decodes the address. */
const isV1ApiPath = (path: string) => path === '/api/v1' || path.startsWith('/api/v1/')
/** An address longer than this is not echoed back whole in a problem's `instance`. */
const MAX_ECHOED_PATH = 500

export function preparePageResponse(
  req: IncomingMessage,
  res: ServerResponse,
  options: { dev: boolean; cache: SharedCacheSettings },
): boolean {
  const path = (req.url ?? '/').split('?')[0]!
  if (isV1ApiPath(path) && !hasValidPercentEncoding(path)) {
    const details = problem('invalid-address', path.slice(0, MAX_ECHOED_PATH), INVALID_PERCENT_ENCODING_MESSAGE)
    res.writeHead(400, { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' })
    res.end(JSON.stringify(details))
    return false
  }
  if (!isApiPath(path)) {
    if (!hasValidPercentEncoding(path)) {
      res.writeHead(400, {
        'content-type': 'text/plain; charset=utf-8',
        'content-security-policy': pagePolicy(createNonce(), options.dev),
      })
      res.end(INVALID_PERCENT_ENCODING_MESSAGE)
      return false
    }
  }
  delete req.headers['content-security-policy']

  const nonce = createNonce()
  let injector: NonceInjector | null = null
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const given = rest.find((arg) => arg && typeof arg === 'object') as OutgoingHttpHeaders | undefined
    for (const [name, value] of Object.entries(given ?? {})) if (value !== undefined) res.setHeader(name, value)
    const reason = rest.find((arg) => typeof arg === 'string')
    const type = String(res.getHeader('content-type') ?? '')
    if (!isApiPath(path) && status !== 304) {
      // A 304 keeps the policy stored with the page it revalidates, whose scripts carry that nonce.
      res.setHeader('content-security-policy', pagePolicy(nonce, options.dev))
      if (type.startsWith('text/html')) {
        injector = createNonceInjector(nonce)
        res.removeHeader('content-length')
      }
    }
    const hsts = strictTransportSecurity({ serverUrl: siteUrl(), production: !options.dev })
    if (hsts && !isApiPath(path)) res.setHeader('strict-transport-security', hsts)
    const cacheControl = sharedCacheControl(
      {
        path,
        status,
        nextCacheControl: res.getHeader('cache-control')?.toString(),
        cookieHeader: req.headers.cookie,
        authorized: Boolean(req.headers.authorization),
      },
      options.cache,
    )
    if (cacheControl) res.setHeader('cache-control', cacheControl)
    return reason ? writeHead(status, reason) : writeHead(status)
  }) as ServerResponse['writeHead']
  transformBody(res, () => injector)
  return true
}
