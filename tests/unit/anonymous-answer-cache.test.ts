// The server's cache of anonymous API answers, on a real HTTP server on 127.0.0.1 with compression in
// front as in src/server/server.ts, and a stand-in for Next that counts what reaches it.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'

import compression from 'compression'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'

import { AnonymousAnswerCache } from '@/server/anonymous-answer-cache'

type Answer = {
  status?: number
  cacheControl?: string
  etag?: string
  setCookie?: boolean
  size?: number
  waitFor?: Promise<void>
  /** Written as it is between the opening and the end of the body. */
  chunk?: Buffer
  /** The app's own mark on an answer it keeps for every anonymous caller (src/site-cache/anonymous-api-reads.ts). */
  keptByApp?: 'HIT' | 'MISS'
}

let answers = new AnonymousAnswerCache({ maxBytes: 1_000_000, maxAnswerBytes: 10_000, ttlMs: 60_000 })
let reachedApp: string[] = []
let nextAnswer: Answer = {}
let server: Server
let origin = ''

async function standInForNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  reachedApp.push(`${req.method} ${req.url}`)
  const {
    status = 200,
    cacheControl = 'public, max-age=0, s-maxage=30',
    etag = `"v${reachedApp.length}"`,
    setCookie = false,
    size = 0,
    waitFor,
    chunk,
    keptByApp,
  } = nextAnswer
  if (waitFor) await waitFor
  res.statusCode = status
  res.setHeader('content-type', 'application/json')
  if (cacheControl) res.setHeader('cache-control', cacheControl)
  if (keptByApp) res.setHeader('x-cloudlex-api-cache', keptByApp)
  if (req.headers.origin) res.setHeader('access-control-allow-origin', req.headers.origin)
  res.setHeader('etag', etag)
  res.setHeader('cache-tag', 'term-lists')
  res.setHeader('ratelimit', '"address";r=299;t=60')
  if (setCookie) res.setHeader('set-cookie', 'a=b')
  res.write('{"answer":')
  if (chunk) res.write(chunk)
  res.end(`${reachedApp.length},"padding":"${'x'.repeat(size)}"}`)
}

beforeAll(async () => {
  const compress = compression()
  server = createServer((req, res) => {
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {})
    answers.serve(req, res, standInForNext)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

beforeEach(() => {
  answers = new AnonymousAnswerCache({ maxBytes: 1_000_000, maxAnswerBytes: 10_000, ttlMs: 60_000 })
  reachedApp = []
  nextAnswer = {}
})

type Received = { status: number; headers: IncomingMessage['headers']; body: Buffer }

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Received> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${origin}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

describe('anonymous reads of the content API', () => {
  it('answers a repeated read from the kept answer, with its content headers and without the first caller’s rate limit', async () => {
    const first = await get('/api/v1/terms/cloudtrail')
    const second = await get('/api/v1/terms/cloudtrail')
    expect(reachedApp).toEqual(['GET /api/v1/terms/cloudtrail'])
    expect(second.status).toBe(200)
    expect(second.body.toString()).toBe(first.body.toString())
    expect(second.headers).toMatchObject({
      etag: '"v1"',
      'cache-tag': 'term-lists',
      'content-type': 'application/json',
      'x-cloudlex-api-cache': 'HIT',
    })
    expect(first.headers.ratelimit).toBeDefined()
    expect(second.headers.ratelimit).toBeUndefined()
    expect(answers.size).toBe(1)
  })

  it('keeps each address apart, the query included, and the REST reads of public collections too', async () => {
    await get('/api/v1/terms?limit=5')
    await get('/api/v1/terms?limit=6')
    await get('/api/terms/abc')
    await get('/api/terms/abc')
    expect(reachedApp).toEqual(['GET /api/v1/terms?limit=5', 'GET /api/v1/terms?limit=6', 'GET /api/terms/abc'])
  })

  it('keeps a REST read the app keeps for every anonymous caller, though the app does not offer it to shared caches', async () => {
    nextAnswer = { cacheControl: '', keptByApp: 'MISS' }
    const first = await get('/api/terms?where[slug][equals]=cloudtrail&depth=1&limit=1')
    const second = await get('/api/terms?where[slug][equals]=cloudtrail&depth=1&limit=1')
    expect(reachedApp).toEqual(['GET /api/terms?where[slug][equals]=cloudtrail&depth=1&limit=1'])
    expect(second.body.toString()).toBe(first.body.toString())
    expect(second.headers['cache-control']).toBeUndefined()
    expect(second.headers['x-cloudlex-api-cache']).toBe('HIT')

    nextAnswer = { cacheControl: '' }
    await get('/api/terms?limit=100&depth=1')
    await get('/api/terms?limit=100&depth=1')
    expect(reachedApp, 'an answer neither public nor kept by the app').toHaveLength(3)
  })

  it('leaves a browser on another origin to the app, which answers the CORS headers for that origin', async () => {
    await get('/api/v1/terms/cloudtrail')
    const crossOrigin = { origin: 'https://editor.cloudlex.example' }
    const first = await get('/api/v1/terms/cloudtrail', crossOrigin)
    const second = await get('/api/v1/terms/cloudtrail', crossOrigin)
    expect(reachedApp).toHaveLength(3)
    for (const answer of [first, second])
      expect(answer.headers['access-control-allow-origin']).toBe('https://editor.cloudlex.example')
    expect(answers.size).toBe(1)
  })

  it('answers 304 to a caller holding the ETag, and a HEAD with the headers alone', async () => {
    await get('/api/v1/categories')
    const conditional = await get('/api/v1/categories', { 'if-none-match': '"v1"' })
    expect(conditional.status).toBe(304)
    expect(conditional.body.length).toBe(0)
    const head = await get('/api/v1/categories', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.etag).toBe('"v1"')
    expect(head.body.length).toBe(0)
    expect(reachedApp).toHaveLength(1)
  })

  it('keeps the body before compression and compresses each answer for the caller that asks', async () => {
    nextAnswer = { size: 5_000 }
    const plain = await get('/api/v1/providers')
    const zipped = await get('/api/v1/providers', { 'accept-encoding': 'gzip' })
    expect(reachedApp).toHaveLength(1)
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(zipped.body).toString()).toBe(plain.body.toString())
  })

  it('never serves a kept answer to a caller with credentials or a session, nor keeps theirs', async () => {
    await get('/api/v1/terms/cloudtrail')
    await get('/api/v1/terms/cloudtrail', { authorization: 'api-clients API-Key secret' })
    await get('/api/v1/terms/cloudtrail', { cookie: 'theme=dark; payload-token=abc' })
    await get('/api/v1/terms/cloudtrail', { cookie: '__prerender_bypass=1' })
    expect(reachedApp).toHaveLength(4)
  })

  it('leaves the change feed, pages and writes to the app', async () => {
    for (const path of [
      '/api/v1/changes?limit=5',
      '/api/v1/changes/stream',
      '/terms/cloudtrail',
      '/api/users/me',
      '/api/terms/abc/extra',
    ]) {
      await get(path)
      await get(path)
    }
    await get('/api/v1/terms/cloudtrail', {}, 'DELETE')
    await get('/api/v1/terms/cloudtrail', {}, 'DELETE')
    expect(reachedApp).toHaveLength(12)
  })

  it('does not keep what one caller may not share: errors, private or uncacheable answers, cookies, weak ETags, large bodies', async () => {
    const unkeepable: Answer[] = [
      { status: 404 },
      { cacheControl: 'private, no-store' },
      { cacheControl: 'public, no-cache' },
      { cacheControl: 'max-age=0' },
      { setCookie: true },
      { etag: 'W/"weak"' },
      { size: 20_000 },
    ]
    for (const [index, answer] of unkeepable.entries()) {
      nextAnswer = answer
      await get(`/api/v1/terms/t${index}`)
      await get(`/api/v1/terms/t${index}`)
    }
    expect(reachedApp).toHaveLength(unkeepable.length * 2)
    expect(answers.size).toBe(0)
  })

  it('does not copy the body of an answer its headers rule out, such as a REST list that is not public', async () => {
    const copied = (chunk: Buffer, spy: MockInstance) => spy.mock.calls.some((call) => call[0] === chunk)
    const copies = vi.spyOn(Buffer, 'from')
    try {
      const listChunk = Buffer.from('"docs":[]')
      nextAnswer = { cacheControl: 'private, no-store', chunk: listChunk }
      await get('/api/terms?limit=100&depth=1')
      expect(copied(listChunk, copies)).toBe(false)

      const publicChunk = Buffer.from('"docs":[]')
      nextAnswer = { chunk: publicChunk }
      await get('/api/v1/terms?limit=100')
      expect(copied(publicChunk, copies)).toBe(true)
      expect(answers.size).toBe(1)
    } finally {
      copies.mockRestore()
    }
  })

  it('forgets every answer on a purge, and does not keep one fetched across it', async () => {
    await get('/api/v1/terms/cloudtrail')
    answers.purge()
    await get('/api/v1/terms/cloudtrail')
    expect(reachedApp).toHaveLength(2)

    let release = () => {}
    nextAnswer = { waitFor: new Promise<void>((resolve) => (release = resolve)) }
    const slow = get('/api/v1/terms/iam')
    while (reachedApp.length < 3) await new Promise((resolve) => setTimeout(resolve, 5))
    answers.purge()
    release()
    await slow
    nextAnswer = {}
    await get('/api/v1/terms/iam')
    expect(reachedApp).toEqual([
      'GET /api/v1/terms/cloudtrail',
      'GET /api/v1/terms/cloudtrail',
      'GET /api/v1/terms/iam',
      'GET /api/v1/terms/iam',
    ])
  })
})
