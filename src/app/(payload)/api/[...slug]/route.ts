/* Generated wiring: Payload's REST API. */
import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { guardRestRoute } from '@/api-limits/guard-api-request'
import { withExposedValidators } from '@/cross-origin/expose-validators'
import { cacheAnonymousRestReads } from '@/site-cache/anonymous-api-reads'

// Anonymous reads of published content are the same for every caller: served from the cache.
// Every answer lets allowed cross-origin clients read its ETag (src/cross-origin).
export const GET = withExposedValidators(cacheAnonymousRestReads(REST_GET(config)))
// Writes are wrapped: Payload's multipart parser answers a malformed multipart body with 500.
export const POST = withExposedValidators(guardRestRoute(REST_POST(config)))
export const DELETE = withExposedValidators(REST_DELETE(config))
export const PATCH = withExposedValidators(guardRestRoute(REST_PATCH(config)))
export const PUT = withExposedValidators(guardRestRoute(REST_PUT(config)))
export const OPTIONS = REST_OPTIONS(config)
