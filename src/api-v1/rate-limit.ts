// Rate limits of the v1 API. Only answers the API had to produce count: the limit is taken inside the
// anonymous-answer cache (the handler it wraps runs only on a miss), so a reader served from the cache
// spends nothing and is never refused. A counted answer carries the IETF RateLimit-Policy and RateLimit
// headers (draft-ietf-httpapi-ratelimit-headers) so a client can pace itself; a refusal is a 429
// problem with Retry-After. Counters live where the other rate limits' do (Redis when it is set).
import { AsyncLocalStorage } from 'node:async_hooks'

import { takeMeteredAttempt, type RateLimitQuota } from '@/rate-limit/attempts'
import { addressKey } from '@/rate-limit/limit-by-address'

import { problem, problemResponse } from './problem'

type Handler<Context extends unknown[]> = (request: Request, ...context: Context) => Promise<Response>

/** The quota a request spent, if its answer had to be produced. */
type Meter = { policy: string; quota: RateLimitQuota | null }

const meters = new AsyncLocalStorage<Meter>()

export function rateLimitHeaders(policy: string, quota: RateLimitQuota): Record<string, string> {
  return {
    'ratelimit-policy': `"${policy}";q=${quota.limit};w=${quota.windowSeconds}`,
    ratelimit: `"${policy}";r=${quota.remaining};t=${quota.resetSeconds}`,
  }
}

/**
 * `handler`, counted against the caller's limit; `cached` is the caching wrapper (the handler it is given
 * runs only when the cache cannot answer), so the count is taken inside it.
 */
export function rateLimitedV1<Context extends unknown[]>(
  handler: Handler<Context>,
  cached: (inner: Handler<Context>) => Handler<Context> = (inner) => inner,
): Handler<Context> {
  const counted: Handler<Context> = async (request, ...context) => {
    const meter = meters.getStore()
    if (!meter) return handler(request, ...context)
    const { quota, refusal } = await takeMeteredAttempt('contentApiByAddress', addressKey(request.headers))
    meter.quota = quota
    if (refusal) {
      const path = new URL(request.url).pathname
      return problemResponse(problem('rate-limited', path, refusal.message), { 'retry-after': String(refusal.retryAfterSeconds) })
    }
    return handler(request, ...context)
  }
  const inner = cached(counted)
  return async (request, ...context) => {
    const meter: Meter = { policy: 'address', quota: null }
    const response = await meters.run(meter, () => inner(request, ...context))
    if (!meter.quota) return response
    const headers = new Headers(response.headers)
    for (const [name, value] of Object.entries(rateLimitHeaders(meter.policy, meter.quota))) headers.set(name, value)
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}
