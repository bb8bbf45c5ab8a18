// The security headers that depend on the request or on run-time settings: the pages' Content Security Policy
// with a fresh nonce, and HSTS. The server sets them (src/server/page-response.ts); the constant headers every
// response gets (nosniff, referrer, permissions, framing) are in next.config.mjs so they reach paths the proxy
// skips. No Next imports, so the rules are unit-tested on their own.

/** A fresh unguessable nonce: 128 random bits, base64 as CSP expects. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}

export type PagePolicyOptions = {
  nonce: string
  /** `next dev` needs eval for React's debugging aids; a production build never does. */
  development: boolean
  /** Only for an https site: on http it would send every same-site request to https and break it. */
  upgradeInsecureRequests: boolean
}

/**
 * The policy for HTML pages, the public site and Payload's admin alike. Scripts run only when they
 * carry this response's nonce (the server adds it to every script of the page), and
 * 'strict-dynamic' lets those load the bundler's chunks. Styles allow inline attributes, which React
 * and the admin set on elements and which a nonce cannot cover. Live preview frames the site inside the
 * admin, so both may be framed by this origin only.
 */
export function pageContentSecurityPolicy({ nonce, development, upgradeInsecureRequests }: PagePolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(development ? ['ws:'] : [])],
    ['frame-src', "'self'"],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'self'"],
  ]
  if (upgradeInsecureRequests) directives.push(['upgrade-insecure-requests'])
  return directives.map((directive) => directive.join(' ')).join('; ')
}

/** One year; no includeSubDomains or preload, which would bind hosts this site does not control. */
export const HSTS_VALUE = 'max-age=31536000'

/**
 * HSTS for a production server whose public address is https. Browsers ignore the header over plain
 * http anyway; leaving it off there keeps a local production run (http://127.0.0.1) free of it, and
 * `next dev` never pins a developer's localhost to https.
 */
export function strictTransportSecurity({
  serverUrl,
  production,
}: {
  serverUrl: string
  production: boolean
}): string | null {
  return production && isHttpsAddress(serverUrl) ? HSTS_VALUE : null
}

export function isHttpsAddress(serverUrl: string): boolean {
  return serverUrl.trim().toLowerCase().startsWith('https://')
}
