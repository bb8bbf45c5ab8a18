// The v1 front door's rate limit: only answers the API had to produce count, each counted answer says what is left
// (IETF RateLimit headers), and a caller over the limit gets a 429 problem with Retry-After, while a
// caller the cache answers is never refused.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { v1Route } from '@/api-v1/v1-route'
import { CLIENT_ADDRESS_HEADER } from '@/http/client-address-header'

// Anonymous callers never need Payload: only a key is looked up (tests/int/api-v1-keys.test.ts).
vi.mock('@/site-data/payload-client', () => ({
  getPayloadClient: async () => {
    throw new Error('an anonymous v1 request asked for Payload')
  },
}))

const LIMIT_ENV = 'CLOUDLEX_RATE_LIMIT_CONTENT_API'
let saved: string | undefined

beforeAll(() => {
  saved = process.env[LIMIT_ENV]
  process.env[LIMIT_ENV] = '3/60'
})

afterAll(() => {
  if (saved === undefined) delete process.env[LIMIT_ENV]
  else process.env[LIMIT_ENV] = saved
})

const from = (address: string) =>
  new Request('http://127.0.0.1/api/v1/terms', { headers: { [CLIENT_ADDRESS_HEADER]: address } })
const answer = async () => Response.json({ items: [] })

describe('the v1 rate limit', () => {
  it('counts each produced answer per address, says what is left, and refuses the one over the limit', async () => {
    const limited = v1Route(answer)
    const seen: (string | null)[] = []
    for (let request = 0; request < 3; request += 1) {
      const response = await limited(from('203.0.113.7'))
      expect(response.status).toBe(200)
      expect(response.headers.get('ratelimit-policy')).toBe('"address";q=3;w=60')
      seen.push(response.headers.get('ratelimit'))
    }
    expect(seen.map((value) => /r=(\d+)/.exec(value ?? '')?.[1])).toEqual(['2', '1', '0'])

    const refused = await limited(from('203.0.113.7'))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers.get('ratelimit')).toMatch(/^"address";r=0;t=\d+$/)
    const problem = await refused.json()
    expect(problem).toMatchObject({ type: 'urn:cloudlex:problem:rate-limited', status: 429 })
    expect(problem.detail).toContain('3 per 1 minute')

    // Another address has its own budget.
    expect((await limited(from('198.51.100.4'))).status).toBe(200)
  })

  it('never counts or refuses an answer the cache gives without running the handler', async () => {
    let produced = 0
    const fromCache = (inner: (request: Request) => Promise<Response>) => async (request: Request) => {
      if (produced >= 1) return Response.json({ items: [] }, { headers: { 'x-cloudlex-api-cache': 'HIT' } })
      produced += 1
      return inner(request)
    }
    const limited = v1Route(answer, fromCache)
    const first = await limited(from('192.0.2.10'))
    expect(first.headers.get('ratelimit')).toMatch(/r=2;/)
    for (let request = 0; request < 10; request += 1) {
      const hit = await limited(from('192.0.2.10'))
      expect(hit.status).toBe(200)
      expect(hit.headers.get('ratelimit')).toBeNull()
    }
    expect((await v1Route(answer)(from('192.0.2.10'))).headers.get('ratelimit')).toMatch(/r=1;/)
  })
})
