// How every v1 answer with content is sent: the body parsed through its schema (so exactly the schema's
// fields go out), a strong ETag with 304 for a caller that already holds it, a Cache-Control a shared
// cache may use, and a Cache-Tag header naming what the answer shows so a CDN can purge by it.
import { createHash } from 'node:crypto'

import type { z } from 'zod'

import { conditionalResponse, SHARED_CACHE_CONTROL } from '@/http/conditional-response'

/** A strong ETag: the digest of the exact bytes sent, as the API cache computes it for a kept answer. */
export function bodyEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`
}

export const CACHE_TAG_HEADER = 'cache-tag'

/**
 * Response headers must fit a proxy's header buffer (nginx: 4 KB by default, for all of them); a page of
 * 100 term ids would not. Beyond this length an answer names broader tags instead.
 */
export const MAX_CACHE_TAGS_LENGTH = 1_000

/**
 * The tags of the documents an answer shows, or `broader` (tags every change to those documents also
 * expires, such as the list of all terms) when the documents' tags would not fit the header.
 */
export function boundedCacheTags(documents: readonly string[], broader: readonly string[]): string[] {
  const unique = [...new Set(documents)]
  return unique.join(',').length <= MAX_CACHE_TAGS_LENGTH ? unique : [...new Set(broader)]
}

export function v1Answer<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  content: z.input<Schema>,
  cacheTags: readonly string[],
): Response {
  const body = JSON.stringify(schema.parse(content))
  return conditionalResponse(
    request,
    { etag: bodyEtag(body), body: () => body },
    {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': SHARED_CACHE_CONTROL,
      ...(cacheTags.length > 0 ? { [CACHE_TAG_HEADER]: [...new Set(cacheTags)].join(',') } : {}),
    },
  )
}
