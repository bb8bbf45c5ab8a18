// Runs before every request except the REST/GraphQL API. It sets the security headers that depend on
// the request or on run-time settings (a Content Security Policy with a fresh nonce, HSTS), and passes
// the requested path to the site's pages in a request header, so the 404 page (which Next gives no
// params) can suggest terms close to the address the reader tried. An address Next could not decode is
// answered here with 400.
import { NextResponse, type NextRequest } from 'next/server'

import { hasValidPercentEncoding, INVALID_PERCENT_ENCODING_MESSAGE } from './lib/path-encoding'
import { REQUEST_PATH_HEADER, requestPathForHeader } from './lib/request-path-header'
import { createNonce, isHttpsAddress, NONCE_HEADER, pageContentSecurityPolicy, strictTransportSecurity } from './lib/security-headers'
import { siteUrl } from './lib/site-url'

export function proxy(request: NextRequest) {
  const nonce = createNonce()
  const production = process.env.NODE_ENV === 'production'
  const policy = pageContentSecurityPolicy({
    nonce,
    development: !production,
    upgradeInsecureRequests: isHttpsAddress(siteUrl()),
  })

  if (!hasValidPercentEncoding(request.nextUrl.pathname)) {
    return new NextResponse(INVALID_PERCENT_ENCODING_MESSAGE, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': policy },
    })
  }

  const headers = new Headers(request.headers)
  // Always replaced, so a client can never hand the 404 page a path of its own choosing.
  headers.set(REQUEST_PATH_HEADER, requestPathForHeader(request.nextUrl.pathname))
  headers.set(NONCE_HEADER, nonce)
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set('content-security-policy', policy)

  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  const hsts = strictTransportSecurity({ serverUrl: siteUrl(), production })
  if (hsts) response.headers.set('strict-transport-security', hsts)
  return response
}

export const config = {
  // Everything but the API. Next buffers the body of every request the proxy sees (up to 10 MB, then it
  // cuts the body short), which would break media uploads; the API's headers come from next.config.mjs.
  matcher: ['/((?!api(?:/|$)).*)'],
}
