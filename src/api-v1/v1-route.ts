// The front door of every v1 read: who is calling (./caller.ts), whether they may see drafts, what the
// answer costs them, and where it may come from.
// - Anonymous callers, staff and clients with the `published` scope get the same published answers, so
//   those are asked of the anonymous-answer cache with the caller's credentials left behind.
// - Only answers the API had to produce count against a rate limit: the limit is taken inside the cache
//   (the handler it wraps runs only on a miss), so a caller served from the cache spends nothing and is
//   never refused. Anonymous callers count per client address, clients per key. A counted answer
//   carries the IETF RateLimit-Policy and RateLimit headers (draft-ietf-httpapi-ratelimit-headers); a
//   refusal is a 429 problem with Retry-After. Counters live where the other rate limits' do (Redis
//   when it is set).
// - `?preview=true` (drafts) is for clients with the `preview` scope only: never cached, never stored
//   by a shared cache.
import { AsyncLocalStorage } from 'node:async_hooks'

import { getPayloadClient } from '@/site-data/payload-client'
import { takeMeteredAttempt, type RateLimitQuota } from '@/rate-limit/attempts'
import { addressKey } from '@/rate-limit/limit-by-address'

import { identifyCaller, type V1Caller } from './caller'
import { problem, problemResponse } from '../http/problem'

type Handler<Context extends unknown[]> = (request: Request, ...context: Context) => Promise<Response>

/** One request's caller and the quota its answer spent, if it had to be produced. */
type RequestState = { caller: V1Caller; quota: RateLimitQuota | null }

const requests = new AsyncLocalStorage<RequestState>()

/** Whether the request being answered may read drafts: asked by the reads themselves, whatever the route. */
export function previewAllowed(): boolean {
  const caller = requests.getStore()?.caller
  return caller?.kind === 'client' && caller.scope === 'preview'
}

function policyOf(caller: V1Caller): string {
  return caller.kind === 'client' ? 'key' : 'address'
}

export function rateLimitHeaders(policy: string, quota: RateLimitQuota): Record<string, string> {
  return {
    'ratelimit-policy': `"${policy}";q=${quota.limit};w=${quota.windowSeconds}`,
    ratelimit: `"${policy}";r=${quota.remaining};t=${quota.resetSeconds}`,
  }
}

/** The request without credentials: the answer is the same for every caller who may read it. */
function withoutCredentials(request: Request): Request {
  const headers = new Headers(request.headers)
  headers.delete('authorization')
  headers.delete('cookie')
  return new Request(request.url, { method: request.method, headers })
}

const wantsPreview = (request: Request) => new URL(request.url).searchParams.has('preview')

/**
 * `handler` behind the front door; `cached` is the caching wrapper (the handler it is given runs only
 * when the cache cannot answer), so the rate limit is taken inside it.
 */
export function v1Route<Context extends unknown[]>(
  handler: Handler<Context>,
  cached: (inner: Handler<Context>) => Handler<Context> = (inner) => inner,
): Handler<Context> {
  const counted: Handler<Context> = async (request, ...context) => {
    const state = requests.getStore()
    if (!state) return handler(request, ...context)
    const { caller } = state
    const { quota, refusal } =
      caller.kind === 'client'
        ? await takeMeteredAttempt('contentApiByKey', caller.id)
        : await takeMeteredAttempt('contentApiByAddress', addressKey(request.headers))
    state.quota = quota
    if (refusal) {
      const path = new URL(request.url).pathname
      return problemResponse(problem('rate-limited', path, refusal.message), {
        'retry-after': String(refusal.retryAfterSeconds),
      })
    }
    return handler(request, ...context)
  }
  const fromCache = cached(counted)
  return async (request, ...context) => {
    const caller = await identifyCaller(getPayloadClient, request)
    if (caller instanceof Response) return caller
    const preview = wantsPreview(request)
    const state: RequestState = { caller, quota: null }
    const response = await requests.run(state, () =>
      preview ? counted(request, ...context) : fromCache(withoutCredentials(request), ...context),
    )
    if (!state.quota && !preview) return response
    const headers = new Headers(response.headers)
    if (state.quota)
      for (const [name, value] of Object.entries(rateLimitHeaders(policyOf(caller), state.quota)))
        headers.set(name, value)
    // Drafts are for this caller alone.
    if (preview) headers.set('cache-control', 'private, no-store')
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}

/** The 403 for `?preview=true` from a caller whose key does not have the preview scope. */
export function previewRefusal(request: Request): Response {
  return problemResponse(
    problem(
      'preview-not-allowed',
      new URL(request.url).pathname,
      'Drafts (preview=true) are for API clients whose key has the preview scope; send one in "Authorization: api-clients API-Key <key>".',
      [{ name: 'preview', message: 'needs a key with the preview scope' }],
    ),
  )
}
