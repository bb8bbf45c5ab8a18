// Validators for the feeds, sitemaps and downloads: an ETag on every answer and a 304 with no body when
// the client (or a cache in front) already holds the same version. Next answers conditional requests
// for pages itself, not for route handlers, so those answer them here.
import crypto from 'node:crypto'

/**
 * Marks a response as one a shared cache may keep. The server replaces this with the configured
 * shared-cache policy (src/server/shared-cache-policy.ts) and keeps anything signed-in private.
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=300'

/** A strong ETag for a body: the same bytes always get the same tag. */
export function etagOf(body: string): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
}

/** A weak ETag for a version of something whose bytes are produced on the fly (a streamed download). */
export function weakEtagOf(version: string): string {
  return `W/${etagOf(version)}`
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '')

/**
 * Whether If-None-Match names this ETag (RFC 9110 §13.1.2: weak comparison, "*" matches any current
 * representation, and the header may list several tags).
 */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const wanted = opaque(etag)
  return header.split(',').some((candidate) => opaque(candidate) === wanted)
}

type Body = string | ReadableStream<Uint8Array>

/**
 * The answer to a GET for one version of a resource: 304 with the validators when the request names
 * that version, otherwise 200 with the body (which is only produced when it is needed).
 */
export function conditionalResponse(
  request: Request,
  version: { etag: string; body: () => Body },
  headers: Record<string, string>,
): Response {
  const common: Record<string, string> = {
    ...headers,
    etag: version.etag,
    'cache-control': headers['cache-control'] ?? SHARED_CACHE_CONTROL,
  }
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), version.etag)) {
    // A 304 carries the validators and caching headers, not the headers that describe a body.
    const notModified = Object.fromEntries(Object.entries(common).filter(([name]) => !name.startsWith('content-')))
    return new Response(null, { status: 304, headers: notModified })
  }
  return new Response(version.body(), { status: 200, headers: common })
}
