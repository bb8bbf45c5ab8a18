import { describe, expect, it } from 'vitest'

import { refuseUnknownParameters } from '@/api-v1/query-parameters'

const request = (search: string) => new Request(`http://127.0.0.1/api/v1/terms/cloudtrail${search}`)

describe('query parameters a v1 endpoint does not know', () => {
  it('lets a request through when every parameter is known', () => {
    expect(refuseUnknownParameters(request(''), [])).toBeNull()
    expect(refuseUnknownParameters(request('?cursor=abc&cursor=def'), ['cursor'])).toBeNull()
  })

  it('refuses with a 400 problem naming each unknown parameter once, and what the endpoint accepts', async () => {
    const refusal = refuseUnknownParameters(request('?limit=5&depth=1&depth=2&Cursor=x'), ['cursor', 'limit'])!
    expect(refusal.status).toBe(400)
    expect(refusal.headers.get('content-type')).toBe('application/problem+json')
    expect(refusal.headers.get('cache-control')).toBe('no-store')
    const body = await refusal.json()
    expect(body).toEqual({
      type: 'urn:cloudlex:problem:unknown-parameter',
      title: 'Unknown query parameter',
      status: 400,
      detail: 'Unknown query parameters: depth, Cursor. It accepts: cursor, limit.',
      instance: '/api/v1/terms/cloudtrail',
      parameters: [
        { name: 'depth', message: 'not a parameter of this endpoint' },
        { name: 'Cursor', message: 'not a parameter of this endpoint' },
      ],
    })
  })

  it('keeps the answer small when an address holds thousands of long parameter names', async () => {
    const names = Array.from({ length: 2_000 }, (_, index) => `${'x'.repeat(500)}${index}=1`).join('&')
    const body = await refuseUnknownParameters(request(`?${names}`), [])!.json()
    expect(body.parameters).toHaveLength(10)
    expect(body.parameters[0].name).toHaveLength(61)
    expect(JSON.stringify(body).length).toBeLessThan(3_000)
  })
})
