/* Generated wiring: Payload's REST API. */
import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { guardRestRoute } from '@/api-limits/guard-api-request'
import { cacheAnonymousRestReads } from '@/site-cache/anonymous-api-reads'

// Anonymous reads of published content are the same for every caller: served from the cache.
export const GET = cacheAnonymousRestReads(REST_GET(config))
// Writes are wrapped: Payload's multipart parser answers a malformed multipart body with 500.
export const POST = guardRestRoute(REST_POST(config))
export const DELETE = REST_DELETE(config)
export const PATCH = guardRestRoute(REST_PATCH(config))
export const PUT = guardRestRoute(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
