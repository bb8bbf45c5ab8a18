// Anonymous reads of the content API (REST GETs of the public collections, GraphQL queries) answered
// from Next's data cache. Every anonymous caller sees the same published content, so one answer serves
// them all until content changes: any recorded change expires API_READS_TAG (./revalidate-changes.ts),
// in every process, within about a second. A caller with a session cookie or an Authorization header is
// answered by Payload directly, so nothing one user may read is ever served to another. Only 200
// answers are kept; refusals and errors run every time. How many answers are kept is bounded by Next's
// cache (an LRU), so a stream of distinct URLs evicts old answers instead of growing memory.
import { createHash } from 'node:crypto'

import { Kind, parse } from 'graphql'
import { unstable_cache } from 'next/cache'

import { API_READS_TAG, SITE_TAG } from './cache-tags'
import { hasSessionCookie } from './session-cookies'

type RouteHandler<Context extends unknown[]> = (request: Request, ...context: Context) => Promise<Response>

/** The REST addresses whose anonymous answers depend on the URL alone: lists, counts and documents. */
const PUBLIC_REST_PATH = /^\/api\/(?:terms|use-cases|faqs|categories|providers)(?:\/[^/]+)?$/

/** Answers larger than this are served but not kept (Next's cache refuses entries over 2 MB). */
const MAX_KEPT_BODY_BYTES = 1_500_000

type KeptAnswer = { status: number; contentType: string | null; body: string }

/** Thrown inside the cached read so that an answer that must not be kept is not stored. */
class AnswerNotKept extends Error {
  constructor(readonly response: Response) {
    super('answer not kept')
  }
}

export function isAnonymousRequest(headers: Headers): boolean {
  return !headers.has('authorization') && !hasSessionCookie(headers.get('cookie'))
}

/** True when every operation of the document is a query (no mutation, no subscription), and it parses. */
export function isReadOnlyGraphqlDocument(query: unknown): boolean {
  if (typeof query !== 'string') return false
  try {
    const document = parse(query)
    return document.definitions.every(
      (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === 'query',
    )
  } catch {
    return false
  }
}

/** Says whether an anonymous answer came from the cache (HIT) or was just produced (MISS). */
export const API_CACHE_HEADER = 'x-cloudlex-api-cache'

/**
 * A plain copy of the request, made before the cached read: Next refuses reads of its own request's
 * headers inside a cached function, and Payload reads them.
 */
function detachedCopy(request: Request, body?: string): Request {
  return new Request(request.url, { method: request.method, headers: new Headers(request.headers), body })
}

function replay({ status, contentType, body }: KeptAnswer, state: 'HIT' | 'MISS'): Response {
  const headers: Record<string, string> = { [API_CACHE_HEADER]: state }
  if (contentType) headers['content-type'] = contentType
  return new Response(body, { status, headers })
}

type ReadThrough = { response: Response; kept: KeptAnswer | null }

async function readThroughCache(key: string[], produce: () => Promise<Response>): Promise<ReadThrough> {
  let produced = false
  const read = unstable_cache(
    async (): Promise<KeptAnswer> => {
      produced = true
      const response = await produce()
      if (response.status !== 200 || response.headers.has('set-cookie')) throw new AnswerNotKept(response)
      const body = await response.text()
      const kept = { status: response.status, contentType: response.headers.get('content-type'), body }
      if (Buffer.byteLength(body) > MAX_KEPT_BODY_BYTES) throw new AnswerNotKept(replay(kept, 'MISS'))
      return kept
    },
    key,
    { tags: [SITE_TAG, API_READS_TAG] },
  )
  try {
    const kept = await read()
    return { response: replay(kept, produced ? 'MISS' : 'HIT'), kept }
  } catch (error) {
    if (error instanceof AnswerNotKept) return { response: error.response, kept: null }
    // The cache itself failed before any answer was produced (no cache in this context, a cache store
    // that is down): the caller still gets Payload's answer, uncached.
    if (!produced) return { response: await produce(), kept: null }
    throw error
  }
}

/** Reads of this process still running, by cache key: the answer each will keep, or null. */
const readsInFlight = new Map<string, Promise<KeptAnswer | null>>()

/**
 * One read per key at a time in this process: callers that arrive while the first is producing the answer
 * share it instead of each running the same query (a burst on a cold or just-expired answer would
 * otherwise run it once per caller). An answer that is not kept (a refusal, an error) is not shared:
 * each of those callers is answered on its own.
 */
async function answerOnce(key: string[], produce: () => Promise<Response>): Promise<Response> {
  const id = key.join('\n')
  const running = readsInFlight.get(id)
  if (running) {
    const shared = await running
    return shared ? replay(shared, 'HIT') : produce()
  }
  const leading = readThroughCache(key, produce)
  const kept = leading.then(
    (result) => result.kept,
    () => null,
  )
  readsInFlight.set(id, kept)
  void kept.then(() => {
    if (readsInFlight.get(id) === kept) readsInFlight.delete(id)
  })
  return (await leading).response
}

/** Payload's REST GET handler, with anonymous reads of the public collections served from the cache. */
export function cacheAnonymousRestReads<Context extends unknown[]>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return (request, ...context) => {
    const url = new URL(request.url)
    if (!isAnonymousRequest(request.headers) || !PUBLIC_REST_PATH.test(url.pathname)) return handler(request, ...context)
    const copy = detachedCopy(request)
    return answerOnce(['api-rest', url.pathname + url.search], () => handler(copy, ...context))
  }
}

/** Payload's GraphQL POST handler, with anonymous queries (never mutations) served from the cache. */
export function cacheAnonymousGraphqlReads<Context extends unknown[]>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, ...context) => {
    if (!isAnonymousRequest(request.headers)) return handler(request, ...context)
    const body = await request.clone().text()
    let query: unknown
    try {
      query = (JSON.parse(body) as { query?: unknown } | null)?.query
    } catch {
      return handler(request, ...context)
    }
    if (!isReadOnlyGraphqlDocument(query)) return handler(request, ...context)
    const digest = createHash('sha256').update(body).digest('base64url')
    const copy = detachedCopy(request, body)
    return answerOnce(['api-graphql', digest], () => handler(copy, ...context))
  }
}
