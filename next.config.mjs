import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

import { readRedisSettings } from './src/redis/redis-settings.mjs'

// Read when the server starts (the Cloudlex server loads this file at run time), so REDIS_URL is a
// run-time setting: without it each process keeps its own rendering cache (memory and .next on disk).
// A custom handler replaces Next's file-system cache and the in-memory copy in front of it, so
// `cacheMaxMemorySize` has nothing left to size (it matters only to 'use cache', which Cloudlex does not use).
const sharedCache = readRedisSettings(process.env)
  ? { cacheHandler: fileURLToPath(new URL('./src/site-cache/redis-cache-handler.mjs', import.meta.url)) }
  : {}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container image runs Next's standalone server; `npm start` runs `next start`, which refuses it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // The server compresses after it has put the nonces into pages (src/server/server.ts).
  compress: false,
  ...sharedCache,
  // The seed folder is read at run time on first start; standalone output must carry it.
  outputFileTracingIncludes: {
    '/**': ['./seed/terms/**/*', './seed/providers.json'],
  },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })
const payloadHeaders = config.headers

/**
 * Headers every response gets, whatever serves it: pages, the API, uploads, static files, feeds,
 * downloads and generated images. The ones that vary per request or with run-time settings (the pages'
 * Content Security Policy with its nonce, HSTS) are set by the server, src/server/page-response.ts.
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Live preview frames the site inside the admin; nothing else may frame either.
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  {
    key: 'Permissions-Policy',
    value:
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  },
]

/**
 * The API answers JSON and uploaded files, never pages: nothing in a response may load or run, even
 * when a file is opened on its own (an image that turned out to be a document).
 */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'self'; sandbox"

/**
 * Payload asks for the colour-scheme client hint on every path with Critical-CH, which makes the browser
 * send a reader's first request to the site twice (Lighthouse counts it as a ~600 ms redirect on mobile).
 * Only the admin reads the hint, so the rule is narrowed to it.
 */
async function headers() {
  const rules = (await payloadHeaders?.()) ?? []
  const payloadRules = rules.map((rule) =>
    rule.source === '/:path*' && rule.headers.some((header) => header.key === 'Critical-CH')
      ? { ...rule, source: '/admin/:path*' }
      : rule,
  )
  return [
    ...payloadRules,
    { source: '/:path*', headers: SECURITY_HEADERS },
    { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
  ]
}

/**
 * Filtered views keep their filters in the query string (/terms?category=storage) so they can be shared
 * and work from a plain GET form. They are served by their own routes, rendered per request, so the
 * unfiltered list pages read no query and come from the rendering cache. Only a non-empty filter value
 * rewrites: "Clear" and a form left on "All" stay on the cached page.
 */
const FILTERED_VIEWS = [
  { source: '/terms', destination: '/filtered/terms', keys: ['category', 'difficulty', 'provider'] },
  { source: '/compare', destination: '/filtered/compare', keys: ['category', 'provider'] },
]

/**
 * Addresses under the cached list and term pages that no page can have (not a slug, not a page number,
 * longer than a slug may be: src/content-format/slugify.ts) go straight to the site's 404, which is
 * rendered per request: Next would otherwise store the 404 of every such address in its rendering cache.
 */
const SLUG = '(?=[a-z0-9-]{1,120}(?:/|$))[a-z0-9]+(?:-[a-z0-9]+)*'
const PAGE = '[1-9][0-9]{0,5}'
const MISSING_PAGE = '/missing-page'
const MALFORMED_LIST_ADDRESSES = [
  { source: `/:list(categories|providers|compare)/:rest((?!${SLUG}(?:/${PAGE})?$).+)`, destination: MISSING_PAGE },
  { source: `/terms/letter/:rest((?!(?:[a-z]|other)(?:/${PAGE})?$).+)`, destination: MISSING_PAGE },
  // A term's address (and its images below it) starts with a slug: anything else under /terms has no page.
  { source: `/terms/:rest((?!(?:letter|${SLUG})(?:/.*)?$).+)`, destination: MISSING_PAGE },
]

async function rewrites() {
  const filtered = FILTERED_VIEWS.flatMap(({ source, destination, keys }) =>
    keys.map((key) => ({ source, has: [{ type: 'query', key }], destination })),
  )
  return { beforeFiles: [...MALFORMED_LIST_ADDRESSES, ...filtered], afterFiles: [], fallback: [] }
}

/** Page 1 of a paginated list has one address: the list's own (and letter A's is /terms itself). */
async function redirects() {
  return [
    { source: '/terms/letter/a', destination: '/terms', permanent: true },
    { source: '/terms/letter/:letter/1', destination: '/terms/letter/:letter', permanent: true },
    { source: '/categories/:slug/1', destination: '/categories/:slug', permanent: true },
    { source: '/providers/:slug/1', destination: '/providers/:slug', permanent: true },
    { source: '/compare/:category/1', destination: '/compare/:category', permanent: true },
  ]
}

export default { ...config, headers, rewrites, redirects }
