import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { API_CACHE_HEADER } from '@/site-cache/api-cache-header'
import {
  cacheAnonymousGraphqlReads,
  cacheAnonymousRestReads,
  cacheAnonymousV1Reads,
  isAnonymousRequest,
  isReadOnlyGraphqlDocument,
} from '@/site-cache/anonymous-api-reads'

/**
 * Next's data cache, as far as these reads use it: one kept answer per key, a miss runs the read. Like
 * Next, the key includes the cached function's source, so a read through another function misses.
 */
const keptAnswers = new Map<string, unknown>()
vi.mock('next/cache', () => ({
  unstable_cache:
    <T>(read: () => Promise<T>, key: string[]) =>
    async (): Promise<T> => {
      const id = `${key.join('|')}|${read.toString()}`
      if (!keptAnswers.has(id)) keptAnswers.set(id, await read())
      return keptAnswers.get(id) as T
    },
}))

describe('which GraphQL documents may be answered from the cache', () => {
  it('keeps queries, named or not, with fragments', () => {
    expect(isReadOnlyGraphqlDocument('{ Terms { docs { title } } }')).toBe(true)
    expect(
      isReadOnlyGraphqlDocument(
        'query T($s: String) { Terms(where: { slug: { equals: $s } }) { docs { ...F } } } fragment F on Term { title }',
      ),
    ).toBe(true)
  })

  it('never keeps a mutation or a subscription, alone or beside a query', () => {
    expect(isReadOnlyGraphqlDocument('mutation { loginUser(email: "a@b.c", password: "x") { token } }')).toBe(false)
    expect(isReadOnlyGraphqlDocument('query A { Terms { docs { title } } } mutation B { logoutUser }')).toBe(false)
    expect(isReadOnlyGraphqlDocument('subscription { changes }')).toBe(false)
  })

  it('leaves anything that does not parse to Payload, which names the error', () => {
    expect(isReadOnlyGraphqlDocument('{ Terms { docs { title }')).toBe(false)
    expect(isReadOnlyGraphqlDocument(undefined)).toBe(false)
    expect(isReadOnlyGraphqlDocument({ query: '{ a }' })).toBe(false)
  })
})

describe('who is anonymous', () => {
  it('is a caller with neither a session or preview cookie nor an Authorization header', () => {
    expect(isAnonymousRequest(new Headers())).toBe(true)
    expect(isAnonymousRequest(new Headers({ cookie: 'theme=dark' }))).toBe(true)
    expect(isAnonymousRequest(new Headers({ cookie: 'theme=dark; payload-token=abc' }))).toBe(false)
    expect(isAnonymousRequest(new Headers({ cookie: '__prerender_bypass=1' }))).toBe(false)
    expect(isAnonymousRequest(new Headers({ authorization: 'users API-Key 123' }))).toBe(false)
  })
})

describe('a burst of anonymous reads of one address', () => {
  const url = 'http://127.0.0.1/api/terms?where[slug][equals]=cloudtrail&depth=1'

  /** A handler that answers after a tick, counting how often Payload would have run the read. */
  function countingHandler(status: number) {
    const handler = vi.fn(async (request: Request) => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      return Response.json({ docs: [{ slug: 'cloudtrail' }], asked: new URL(request.url).search }, { status })
    })
    return handler
  }

  beforeEach(() => {
    keptAnswers.clear()
  })

  it('runs the read once and serves every caller that arrived meanwhile from that answer', async () => {
    const handler = countingHandler(200)
    const cached = cacheAnonymousRestReads(handler)
    const responses = await Promise.all(Array.from({ length: 20 }, () => cached(new Request(url))))
    expect(handler).toHaveBeenCalledTimes(1)
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))
    const states = responses.map((response) => response.headers.get(API_CACHE_HEADER))
    expect(states.filter((state) => state === 'MISS')).toHaveLength(1)
    expect(states.filter((state) => state === 'HIT')).toHaveLength(19)
    const bodies = new Set(await Promise.all(responses.map((response) => response.text())))
    expect(bodies.size).toBe(1)

    // Later callers get the kept answer without another read.
    expect((await cached(new Request(url))).headers.get(API_CACHE_HEADER)).toBe('HIT')
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('answers each caller on its own when the first answer is not kept (a refusal is not shared)', async () => {
    const handler = countingHandler(429)
    const cached = cacheAnonymousRestReads(handler)
    const responses = await Promise.all(Array.from({ length: 5 }, () => cached(new Request(url))))
    expect(handler).toHaveBeenCalledTimes(5)
    expect(responses.map((response) => response.status)).toEqual(Array(5).fill(429))
    expect(responses.every((response) => response.headers.get(API_CACHE_HEADER) === null)).toBe(true)
  })

  it('never shares a signed-in caller’s read', async () => {
    const handler = countingHandler(200)
    const cached = cacheAnonymousRestReads(handler)
    await Promise.all([
      cached(new Request(url)),
      cached(new Request(url, { headers: { cookie: 'payload-token=abc' } })),
      cached(new Request(url, { headers: { authorization: 'users API-Key 123' } })),
    ])
    expect(handler).toHaveBeenCalledTimes(3)
  })
})

describe('validators and bodies of kept answers', () => {
  const url = 'http://127.0.0.1/api/terms?limit=100&depth=1'
  const payloadAnswer = () =>
    Response.json({ docs: [{ slug: 'cloudtrail', definition: 'Records API calls – with “quotes”.' }] })

  beforeEach(() => {
    keptAnswers.clear()
  })

  it('gives a kept answer a strong ETag and answers a caller that holds it with 304 and no body', async () => {
    const cached = cacheAnonymousRestReads(vi.fn(async () => payloadAnswer()))
    const first = await cached(new Request(url))
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]{43}"$/)
    expect(await first.json()).toEqual(await payloadAnswer().json())

    const unchanged = await cached(new Request(url, { headers: { 'if-none-match': `"other", ${etag}` } }))
    expect(unchanged.status).toBe(304)
    expect(unchanged.headers.get('etag')).toBe(etag)
    expect(await unchanged.text()).toBe('')

    const stale = await cached(new Request(url, { headers: { 'if-none-match': '"an-older-version"' } }))
    expect(stale.status).toBe(200)
    expect(stale.headers.get('etag')).toBe(etag)
  })

  it('never answers 304 or sends an ETag for an answer that is not kept', async () => {
    const cached = cacheAnonymousRestReads(
      vi.fn(async () => Response.json({ errors: [{ message: 'Too many requests' }] }, { status: 429 })),
    )
    const refused = await cached(new Request(url, { headers: { 'if-none-match': '*' } }))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('etag')).toBeNull()
  })

  it('replays the same bytes to every caller, and each caller can read its own copy', async () => {
    const cached = cacheAnonymousRestReads(vi.fn(async () => payloadAnswer()))
    const answers = await Promise.all(Array.from({ length: 5 }, () => cached(new Request(url))))
    const texts = await Promise.all(answers.map((answer) => answer.text()))
    expect(new Set(texts)).toEqual(new Set([JSON.stringify(await payloadAnswer().json())]))
    expect((await cached(new Request(url))).headers.get(API_CACHE_HEADER)).toBe('HIT')
    expect(await (await cached(new Request(url))).text()).toBe(texts[0])
  })

  it('serves another process from the body in the shared cache, and asks Payload again when that body is gone', async () => {
    const producing = vi.fn(async () => payloadAnswer())
    await cacheAnonymousRestReads(producing)(new Request(url))
    expect(producing).toHaveBeenCalledTimes(1)

    // A second app instance: its own copy of the module, so none of the first one's bodies in memory.
    vi.resetModules()
    const other = await import('@/site-cache/anonymous-api-reads')
    const otherHandler = vi.fn(async () => payloadAnswer())
    const fromShared = await other.cacheAnonymousRestReads(otherHandler)(new Request(url))
    expect(fromShared.headers.get(API_CACHE_HEADER)).toBe('HIT')
    expect(await fromShared.json()).toEqual(await payloadAnswer().json())
    expect(otherHandler).not.toHaveBeenCalled()

    // A third instance after the shared body was evicted: the address is still kept, the bytes are not.
    for (const id of [...keptAnswers.keys()]) if (id.startsWith('api-body|')) keptAnswers.delete(id)
    vi.resetModules()
    const third = await import('@/site-cache/anonymous-api-reads')
    const thirdHandler = vi.fn(async () => payloadAnswer())
    const fromPayload = await third.cacheAnonymousRestReads(thirdHandler)(new Request(url))
    expect(fromPayload.status).toBe(200)
    expect(await fromPayload.json()).toEqual(await payloadAnswer().json())
    expect(thirdHandler).toHaveBeenCalledTimes(1)
  })
})

describe('v1 answers in the cache', () => {
  const url = 'http://127.0.0.1/api/v1/terms/cloudtrail'

  beforeEach(() => {
    keptAnswers.clear()
  })

  it('replays the headers that describe the content for caches in front: Cache-Control and Cache-Tag', async () => {
    const handler = vi.fn(async () =>
      Response.json(
        { slug: 'cloudtrail' },
        {
          headers: {
            'cache-control': 'public, s-maxage=30',
            'cache-tag': 'term-id:1,category:2',
            'x-other': 'dropped',
          },
        },
      ),
    )
    const cached = cacheAnonymousV1Reads(handler)
    await cached(new Request(url))
    const hit = await cached(new Request(url))
    expect(hit.headers.get(API_CACHE_HEADER)).toBe('HIT')
    expect(hit.headers.get('cache-control')).toBe('public, s-maxage=30')
    expect(hit.headers.get('cache-tag')).toBe('term-id:1,category:2')
    expect(hit.headers.get('x-other')).toBeNull()
  })

  it('keeps the full answer when the first caller sent If-None-Match, and answers that caller 304 only if it matches', async () => {
    // A handler that answers conditional requests itself, as the v1 endpoints do.
    const handler = vi.fn(async (request: Request) =>
      request.headers.has('if-none-match')
        ? new Response(null, { status: 304 })
        : Response.json({ slug: 'cloudtrail' }),
    )
    const cached = cacheAnonymousV1Reads(handler)
    const first = await cached(new Request(url, { headers: { 'if-none-match': '"stale"' } }))
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ slug: 'cloudtrail' })
    const etag = first.headers.get('etag')!
    expect((await cached(new Request(url, { headers: { 'if-none-match': etag } }))).status).toBe(304)
    expect(handler).toHaveBeenCalledTimes(1)
  })
})

describe('kept answers read from a browser page on another origin', () => {
  const url = 'http://127.0.0.1/api/terms?where[slug][equals]=cloudtrail&depth=1'
  const ALLOWED = 'https://editor.cloudlex.example'

  /** Payload's REST answer, with the CORS headers Payload gives the origin that asked. */
  const payloadHandler = () =>
    vi.fn(async (request: Request) => {
      const origin = request.headers.get('origin')
      const cors: Record<string, string> = origin === ALLOWED ? { 'access-control-allow-origin': origin } : {}
      return Response.json({ docs: [{ slug: 'cloudtrail' }] }, { headers: cors })
    })
  const fromOrigin = (origin: string, init: { method?: string; body?: string } = {}) =>
    new Request(init.body ? 'http://127.0.0.1/api/graphql' : url, { ...init, headers: { origin } })

  beforeEach(() => {
    keptAnswers.clear()
    vi.stubEnv('CLOUDLEX_CORS_ORIGINS', `${ALLOWED}, https://second.cloudlex.example`)
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('grants each allowed origin its own CORS headers, and none to an origin not listed', async () => {
    const handler = payloadHandler()
    const cached = cacheAnonymousRestReads(handler)
    const first = await cached(fromOrigin(ALLOWED))
    const second = await cached(fromOrigin('https://second.cloudlex.example'))
    const other = await cached(fromOrigin('https://elsewhere.example'))
    expect(handler).toHaveBeenCalledTimes(1)
    expect(second.headers.get(API_CACHE_HEADER)).toBe('HIT')
    expect(first.headers.get('access-control-allow-origin')).toBe(ALLOWED)
    expect(second.headers.get('access-control-allow-origin')).toBe('https://second.cloudlex.example')
    expect(second.headers.get('access-control-allow-credentials')).toBe('true')
    expect(other.headers.get(API_CACHE_HEADER)).toBe('HIT')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect(await other.json()).toEqual({ docs: [{ slug: 'cloudtrail' }] })
  })

  it('grants them on kept GraphQL answers too, and none when no origin is allowed', async () => {
    const body = JSON.stringify({ query: '{ Terms { docs { slug } } }' })
    const cached = cacheAnonymousGraphqlReads(payloadHandler())
    await cached(fromOrigin(ALLOWED, { method: 'POST', body }))
    const kept = await cached(fromOrigin('https://second.cloudlex.example', { method: 'POST', body }))
    expect(kept.headers.get(API_CACHE_HEADER)).toBe('HIT')
    expect(kept.headers.get('access-control-allow-origin')).toBe('https://second.cloudlex.example')

    vi.stubEnv('CLOUDLEX_CORS_ORIGINS', '')
    const ungranted = await cached(fromOrigin('https://second.cloudlex.example', { method: 'POST', body }))
    expect(ungranted.headers.get(API_CACHE_HEADER)).toBe('HIT')
    expect(ungranted.headers.get('access-control-allow-origin')).toBeNull()
  })
})
