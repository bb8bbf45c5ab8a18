import type { RateLimitRefusal } from './attempts'

/** 429 with Retry-After (seconds) and a JSON message, for the site's own route handlers. */
export function tooManyRequestsResponse({ message, retryAfterSeconds }: RateLimitRefusal): Response {
  return Response.json(
    { message, retryAfterSeconds },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' } },
  )
}
