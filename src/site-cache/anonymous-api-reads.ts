// Anonymous reads of the content API (REST GETs of the public collections, GraphQL queries) answered
// from Next's data cache. Every anonymous caller sees the same published content, so one answer serves
// them all until content changes: any recorded change expires API_READS_TAG (./revalidate-changes.ts),
// in every process, within about a second. A caller with a session cookie or an Authorization header is
// answered by Payload directly, so nothing one user may read is ever served to another. Only 200
// answers are kept; refusals and errors run every time. A kept answer carries its body's digest as a
// strong ETag, so a caller holding it gets 304. How many answers are kept is bounded by Next's cache and
// by this process's copy of their bodies (both LRUs), so a stream of distinct URLs evicts old answers
// instead of growing memory.
import { Kind, parse } from 'graphql'
import { unstable_cache } from 'next/cache'
import { headersWithCors, type PayloadRequest } from 'payload'

import { readCorsConfig } from '@/cross-origin/cors-config'
import { matchesIfNoneMatch } from '@/http/conditional-response'

import { API_CACHE_HEADER } from './api-cache-header'
import { API_READS_TAG, SITE_TAG } from './cache-tags'
import { bodyOf, digestOf, keepBody, type Answer, type KeptAnswer } from './kept-answer-bodies'
import { hasSessionCookie } from './session-cookies'

type RouteHandler<Context extends unknown[]> = (request: Request, ...context: Context) => Promise<Response>

/** The REST addresses whose anonymous answers depend on the URL alone: lists, counts and documents. */
const PUBLIC_REST_PATH = /^\/api\/(?:terms|use-cases|faqs|categories|providers)(?:\/[^/]+)?$/

/**
 * Answers larger than this are served but not kept: Next's cache refuses entries over 2 MB, and a kept
 * body is stored as base64 (4 characters for 3 bytes).
 */
const MAX_KEPT_BODY_BYTES = 1_400_000

/** Headers of an answer that describe its content for caches in front, kept and replayed with it. */
const KEPT_HEADERS = ['cache-control', 'cache-tag'] as const

function keptHeaders(response: Response): Record<string, string> {
  return Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])),
  )
}

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

/**
 * A plain copy of the request, made before the cached read: Next refuses reads of its own request's
 * headers inside a cached function, and Payload reads them.
 */
function detachedCopy(request: Request, body?: string): Request {
  const headers = new Headers(request.headers)
  // The kept answer must be the full one: whether this caller gets 304 is decided when it is replayed.
  headers.delete('if-none-match')
  headers.delete('if-modified-since')
  return new Request(request.url, { method: request.method, headers, body })
}

/** The answer's validator: its body's digest, so equal bytes always carry the same strong ETag. */
const etagOfAnswer = (answer: Answer) => `"${answer.digest}"`

/**
 * A stream that hands out the kept bytes themselves. A Response built from the bytes would copy them
 * (about 3 ms for half a megabyte); the stream's reader only writes them to the socket, never changes them.
 */
function streamOf(body: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(body)
      controller.close()
    },
  })
}

function replay(answer: Answer, state: 'HIT' | 'MISS'): Response {
  const headers: Record<string, string> = { ...answer.headers, [API_CACHE_HEADER]: state, etag: etagOfAnswer(answer) }
  if (answer.contentType) headers['content-type'] = answer.contentType
  return new Response(streamOf(answer.body), { status: answer.status, headers })
}

type ReadThrough = { response: Response; kept: Answer | null }

async function readThroughCache(key: string[], produce: () => Promise<Response>): Promise<ReadThrough> {
  const fresh: { answer?: Answer } = {}
  const read = unstable_cache(
    async (): Promise<KeptAnswer> => {
      const response = await produce()
      if (response.status !== 200 || response.headers.has('set-cookie')) throw new AnswerNotKept(response)
      const body = new Uint8Array(await response.arrayBuffer())
      const answer: Answer = {
        status: response.status,
        contentType: response.headers.get('content-type'),
        headers: keptHeaders(response),
        digest: digestOf(body),
        body,
      }
      fresh.answer = answer
      if (body.byteLength > MAX_KEPT_BODY_BYTES) throw new AnswerNotKept(replay(answer, 'MISS'))
      return { status: answer.status, contentType: answer.contentType, headers: answer.headers, digest: answer.digest }
    },
    key,
    { tags: [SITE_TAG, API_READS_TAG] },
  )
  try {
    const kept = await read()
    if (fresh.answer) {
      await keepBody(fresh.answer)
      return { response: replay(fresh.answer, 'MISS'), kept: fresh.answer }
    }
    const answer = await bodyOf(kept)
    // The address is kept but its body is gone from every cache (evicted): Payload answers, uncached.
    if (!answer) return { response: await produce(), kept: null }
    return { response: replay(answer, 'HIT'), kept: answer }
  } catch (error) {
    if (error instanceof AnswerNotKept) return { response: error.response, kept: null }
    // The cache itself failed before any answer was produced (no cache in this context, a cache store
    // that is down): the caller still gets Payload's answer, uncached.
    if (!fresh.answer) return { response: await produce(), kept: null }
    throw error
  }
}

/** Reads of this process still running, by cache key: the answer each will keep, or null. */
const readsInFlight = new Map<string, Promise<Answer | null>>()

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

/**
 * A 304 for a caller that already holds this answer (If-None-Match names its ETag), otherwise the
 * answer. Only kept answers carry an ETag, so refusals and errors always reach the caller in full.
 */
async function answerConditionally(request: Request, answer: Promise<Response>): Promise<Response> {
  const response = await answer
  const etag = response.headers.get('etag')
  if (response.status !== 200 || !etag || !matchesIfNoneMatch(request.headers.get('if-none-match'), etag))
    return response
  return new Response(null, {
    status: 304,
    headers: { etag, [API_CACHE_HEADER]: response.headers.get(API_CACHE_HEADER) ?? 'HIT' },
  })
}

/**
 * A kept answer is replayed with the headers that describe its content alone. The CORS headers depend on
 * the caller's origin, so they are added for each caller, by the function Payload adds them with to the
 * answers it produces (it leaves alone those an answer already has).
 */
function withCorsHeaders(request: Request, response: Response): Response {
  const cors = request.headers.has('origin') ? readCorsConfig() : undefined
  if (!cors) return response
  const headers = new Headers(response.headers)
  const req = { headers: request.headers, payload: { config: { cors } } } as unknown as PayloadRequest
  headersWithCors({ headers, req })
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

function cacheAnonymousGets<Context extends unknown[]>(
  kind: string,
  handler: RouteHandler<Context>,
  kept: (path: string) => boolean,
): RouteHandler<Context> {
  return (request, ...context) => {
    const url = new URL(request.url)
    if (!isAnonymousRequest(request.headers) || !kept(url.pathname)) return handler(request, ...context)
    const copy = detachedCopy(request)
    return answerConditionally(
      request,
      answerOnce([kind, url.pathname + url.search], () => handler(copy, ...context)),
    )
  }
}

/** Payload's REST GET handler, with anonymous reads of the public collections served from the cache. */
export function cacheAnonymousRestReads<Context extends unknown[]>(
  handler: RouteHandler<Context>,
): RouteHandler<Context> {
  const cached = cacheAnonymousGets('api-rest', handler, (path) => PUBLIC_REST_PATH.test(path))
  return async (request, ...context) => withCorsHeaders(request, await cached(request, ...context))
}

/** A v1 GET handler (src/api-v1), every answer of which is published content the same for every caller. */
export function cacheAnonymousV1Reads<Context extends unknown[]>(
  handler: RouteHandler<Context>,
): RouteHandler<Context> {
  return cacheAnonymousGets('api-v1', handler, () => true)
}

/** Payload's GraphQL POST handler, with anonymous queries (never mutations) served from the cache. */
export function cacheAnonymousGraphqlReads<Context extends unknown[]>(
  handler: RouteHandler<Context>,
): RouteHandler<Context> {
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
    const digest = digestOf(body)
    const copy = detachedCopy(request, body)
    const answer = answerOnce(['api-graphql', digest], () => handler(copy, ...context))
    return withCorsHeaders(request, await answerConditionally(request, answer))
  }
}
