// The server's response wrapper on a real loopback server, with a stand-in for Next that answers the way
// Next does (a cached page with its year-long s-maxage, a 304, a JSON API answer).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import compression from 'compression'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { preparePageResponse } from '@/server/page-response'

const PAGE = `<!DOCTYPE html><html><head><script src="/_next/static/a.js" async></script></head><body>${'<p>text</p>'.repeat(300)}<script>self.__next_f.push([1,"x"])</script></body></html>`
const cache = { sharedMaxAgeSeconds: 30, staleWhileRevalidateSeconds: 300, staleIfErrorSeconds: 86400 }

let server: Server
let origin: string

beforeAll(async () => {
  const compress = compression()
  server = createServer((req, res) => {
    compress(req as never, res as never, () => {})
    if (!preparePageResponse(req, res, { dev: false, cache })) return
    if (req.url === '/api/terms') {
      res.setHeader('content-type', 'application/json')
      return void res.end('{"docs":[]}')
    }
    if (req.headers['if-none-match'] === '"v1"') {
      res.statusCode = 304
      return void res.end()
    }
    res.statusCode = 200
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('cache-control', 's-maxage=31536000')
    res.setHeader('etag', '"v1"')
    res.setHeader('content-length', Buffer.byteLength(PAGE))
    // Streamed in two chunks split inside a tag, as Next's renderer may.
    const cut = PAGE.lastIndexOf('<script') + 3
    res.write(PAGE.slice(0, cut))
    res.end(PAGE.slice(cut))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1]

describe('the headers and nonces the server adds to a page served from the rendering cache', () => {
  it('gives each response a fresh nonce, in the policy and on every script of the page', async () => {
    const [first, second] = await Promise.all([fetch(`${origin}/terms/x`), fetch(`${origin}/terms/x`)])
    const nonces = [
      nonceOf(first.headers.get('content-security-policy')),
      nonceOf(second.headers.get('content-security-policy')),
    ]
    expect(nonces[0]).toBeTruthy()
    expect(nonces[0]).not.toBe(nonces[1])
    const html = await first.text()
    expect(html.match(/<script nonce="([^"]+)"/g)).toEqual([
      `<script nonce="${nonces[0]}"`,
      `<script nonce="${nonces[0]}"`,
    ])
    expect(html.replaceAll(` nonce="${nonces[0]}"`, '')).toBe(PAGE)
  })

  it('compresses the page after the nonces are in', async () => {
    const response = await fetch(`${origin}/terms/x`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(await response.text()).toContain(
      `<script nonce="${nonceOf(response.headers.get('content-security-policy'))}"`,
    )
  })

  it('lets shared caches keep a public page briefly instead of for the year Next asks', async () => {
    const response = await fetch(`${origin}/terms/x`)
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=30, stale-while-revalidate=300, stale-if-error=86400',
    )
    expect(response.headers.get('etag')).toBe('"v1"')
  })

  it.each([
    ['a signed-in editor', { cookie: 'theme=dark; payload-token=abc' }],
    ['a draft preview', { cookie: '__prerender_bypass=1' }],
    ['an API key', { authorization: 'users API-Key k' }],
  ])('never lets a shared cache store what %s is sent', async (_who, headers) => {
    const response = await fetch(`${origin}/terms/x`, { headers })
    expect(response.headers.get('cache-control')).toBe('private, no-store')
  })

  it('answers a revalidation with 304 and no policy, so the stored page keeps the nonce its scripts carry', async () => {
    const response = await fetch(`${origin}/terms/x`, { headers: { 'if-none-match': '"v1"' } })
    expect(response.status).toBe(304)
    expect(response.headers.get('content-security-policy')).toBeNull()
  })

  it('leaves API answers alone apart from the cache rule', async () => {
    const response = await fetch(`${origin}/api/terms`)
    expect(await response.text()).toBe('{"docs":[]}')
    expect(response.headers.get('content-security-policy')).toBeNull()
  })

  it.each(['/providers/%c0%ae%c0%ae%2f', '/terms/%ED%A0%80', '/terms/%E0%A4%A', '/terms/%'])(
    'answers %s with 400 and a message',
    async (path) => {
      const response = await fetch(`${origin}${path}`)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(await response.text()).toMatch(/percent-escape .* not valid UTF-8/)
    },
  )

  it.each(['/api/v1/terms/%ED%A0%80', '/api/v1/s3%ED%A0%80', '/api/v1/terms/cloudtrail/%E0%A4%A'])(
    'answers the v1 address %s with a 400 problem',
    async (path) => {
      const response = await fetch(`${origin}${path}?q=1`)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      const body = await response.json()
      expect(body).toMatchObject({ type: 'urn:cloudlex:problem:invalid-address', status: 400, instance: path })
      expect(body.detail).toMatch(/percent-escape .* not valid UTF-8/)
    },
  )
})
