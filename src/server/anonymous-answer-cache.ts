// Anonymous reads of the content API answered by this server before Next. The app already keeps one
// answer per address for every anonymous caller (src/site-cache/anonymous-api-reads.ts), but each one
// still goes through Next's request handling, about 1.5 ms of CPU: at 20 connections on two cores that
// alone kept the v1 API's p99 near 90 ms. Here a kept answer costs a map lookup.
//
// It keeps only what the app would give any anonymous caller: a 200 to a GET without credentials, a
// session cookie or an Origin header, marked public or kept by the app itself, with a strong ETag. It is
// emptied whenever the change log shows a change (the same moment the app expires its own copies:
// ./internal-polls.ts), and an answer fetched while that happened is not kept, so it never serves what the
// app would no longer serve. Bounded in bytes (least recently served go first) and, should the change log
// be unreachable, in time.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { LRUCache } from 'lru-cache'

import { matchesIfNoneMatch } from '../http/conditional-response'
import { API_CACHE_HEADER } from '../site-cache/api-cache-header'
import { hasSessionCookie } from '../site-cache/session-cookies'

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** The addresses whose anonymous answers depend on the URL alone. The change feed has caching rules of its own. */
const CACHED_PATH =
  /^\/api\/(?:v1\/(?!changes(?:\/|$))[^?]*|(?:terms|use-cases|faqs|categories|providers)(?:\/[^/?]+)?)$/

/** Headers that describe the content, replayed with it; the rest are per request or added on the way out. */
const KEPT_HEADERS = ['content-type', 'etag', 'cache-control', 'cache-tag', 'vary', 'content-language'] as const

export type AnonymousAnswerCacheSettings = { maxBytes: number; maxAnswerBytes: number; ttlMs: number }

export const ANONYMOUS_ANSWER_CACHE_DEFAULTS: AnonymousAnswerCacheSettings = {
  maxBytes: 32 * 1024 * 1024,
  maxAnswerBytes: 1024 * 1024,
  ttlMs: 60_000,
}

type KeptAnswer = { headers: [string, string][]; etag: string; body: Buffer }

/**
 * A request from a browser on another origin is answered by the app, whose CORS headers depend on that
 * origin; a kept answer carries none, and the browser would hide it from the calling page.
 */
function isAnonymousRead(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  if (req.headers.authorization !== undefined || hasSessionCookie(req.headers.cookie)) return false
  if (req.headers.origin !== undefined) return false
  return CACHED_PATH.test((req.url ?? '/').split('?')[0]!)
}

/**
 * Any anonymous caller may get this answer: the app marked it public for shared caches (the v1 API), or
 * it is an answer the app itself keeps for every anonymous caller (Payload's REST reads,
 * src/site-cache/anonymous-api-reads.ts), which is not offered to shared caches in front.
 */
function isShared(res: ServerResponse, cacheControl: string): boolean {
  const keptByApp = ['HIT', 'MISS'].includes(String(res.getHeader(API_CACHE_HEADER)))
  return keptByApp || (/\bpublic\b/.test(cacheControl) && !/\b(?:private|no-store|no-cache)\b/.test(cacheControl))
}

function isKeepable(res: ServerResponse): boolean {
  const cacheControl = String(res.getHeader('cache-control') ?? '')
  const etag = res.getHeader('etag')
  return (
    res.statusCode === 200 &&
    isShared(res, cacheControl) &&
    typeof etag === 'string' &&
    !etag.startsWith('W/') &&
    res.getHeader('set-cookie') === undefined
  )
}

export class AnonymousAnswerCache {
  private readonly answers: LRUCache<string, KeptAnswer>
  /** Moves on at each purge: an answer fetched across one is not kept. */
  private generation = 0

  constructor(private readonly settings: AnonymousAnswerCacheSettings = ANONYMOUS_ANSWER_CACHE_DEFAULTS) {
    this.answers = new LRUCache<string, KeptAnswer>({
      maxSize: settings.maxBytes,
      sizeCalculation: (answer) => answer.body.length + 512,
      ttl: settings.ttlMs,
    })
  }

  get size(): number {
    return this.answers.size
  }

  purge(): void {
    this.generation += 1
    this.answers.clear()
  }

  /** Answers `req` from a kept answer, or lets `handle` answer it and keeps the answer when it may. */
  serve(req: IncomingMessage, res: ServerResponse, handle: Handle): void {
    if (!isAnonymousRead(req)) return void handle(req, res)
    const key = req.url ?? '/'
    const kept = this.answers.get(key)
    if (kept) return this.replay(req, res, kept)
    if (req.method === 'GET') this.keepWhenDone(key, res)
    void handle(req, res)
  }

  private replay(req: IncomingMessage, res: ServerResponse, kept: KeptAnswer): void {
    for (const [name, value] of kept.headers) res.setHeader(name, value)
    res.setHeader(API_CACHE_HEADER, 'HIT')
    if (matchesIfNoneMatch(req.headers['if-none-match'] ?? null, kept.etag)) {
      res.statusCode = 304
      res.removeHeader('content-type')
      res.end()
      return
    }
    res.statusCode = 200
    res.setHeader('content-length', kept.body.length)
    res.end(req.method === 'HEAD' ? undefined : kept.body)
  }

  /**
   * Copies the body as it is written (before compression, which wraps the response first). The headers are
   * set by the first write: an answer they rule out is not copied at all. A REST list can be half a megabyte;
   * copying the ones that were not kept raised the server's peak RSS by 68 MB during the bench's REST list
   * load at 10,000 terms (16 MB without the copies).
   */
  private keepWhenDone(key: string, res: ServerResponse): void {
    const startedIn = this.generation
    const chunks: Buffer[] = []
    let bytes = 0
    let collecting: boolean | null = null
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (collecting === false || chunk === undefined || chunk === null || typeof chunk === 'function') return
      collecting ??= isKeepable(res)
      if (!collecting) return
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array)
      bytes += buffer.length
      if (bytes > this.settings.maxAnswerBytes) {
        collecting = false
        chunks.length = 0
      } else chunks.push(buffer)
    }
    const write = res.write.bind(res)
    const end = res.end.bind(res)
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest)
    }) as ServerResponse['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest)
    }) as ServerResponse['end']
    res.once('finish', () => {
      if (collecting !== true || startedIn !== this.generation || !isKeepable(res)) return
      const headers = KEPT_HEADERS.flatMap((name): [string, string][] => {
        const value = res.getHeader(name)
        return value === undefined ? [] : [[name, String(value)]]
      })
      this.answers.set(key, { headers, etag: String(res.getHeader('etag')), body: Buffer.concat(chunks) })
    })
  }
}
