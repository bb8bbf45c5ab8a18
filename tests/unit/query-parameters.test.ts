import { describe, expect, it } from 'vitest'

import { decodeCursor, encodeCursor } from '@/api-v1/list-cursor'
import { parseQuery, refuseUnknownParameters } from '@/api-v1/query-parameters'
import { TermListQuerySchema } from '@/api-v1/term-schema'

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

const listRequest = (search: string) => new Request(`http://127.0.0.1/api/v1/terms${search}`)

describe('query parameters parsed by the schema the OpenAPI document shows', () => {
  it('fills in the defaults and converts numbers', () => {
    expect(parseQuery(listRequest(''), TermListQuerySchema)).toEqual({ ok: true, value: { sort: 'title', limit: 50 } })
    const parsed = parseQuery(
      listRequest('?limit=7&sort=-updatedAt&difficulty=advanced&updatedSince=2026-01-02T03:04:05%2B01:00'),
      TermListQuerySchema,
    )
    expect(parsed).toEqual({
      ok: true,
      value: { limit: 7, sort: '-updatedAt', difficulty: 'advanced', updatedSince: '2026-01-02T03:04:05+01:00' },
    })
  })

  it('refuses every bad value with a 400 naming each parameter at fault', async () => {
    const parsed = parseQuery(
      listRequest('?limit=500&sort=popularity&updatedSince=yesterday&difficulty=expert'),
      TermListQuerySchema,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.response.status).toBe(400)
    const body = await parsed.response.json()
    expect(body.type).toBe('urn:cloudlex:problem:invalid-parameter')
    expect(body.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      'difficulty',
      'limit',
      'sort',
      'updatedSince',
    ])
    expect(body.detail).toContain('limit (')
  })

  it('refuses a parameter given twice rather than picking one', async () => {
    const parsed = parseQuery(listRequest('?limit=5&limit=6'), TermListQuerySchema)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    const body = await parsed.response.json()
    expect(body.parameters).toEqual([{ name: 'limit', message: 'given more than once' }])
  })

  it('refuses a parameter the schema does not name', async () => {
    const parsed = parseQuery(listRequest('?limit=5&page=2'), TermListQuerySchema)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect((await parsed.response.json()).type).toBe('urn:cloudlex:problem:unknown-parameter')
  })
})

describe('list cursors', () => {
  it('give back the position they were made from, for the same order only', () => {
    const cursor = encodeCursor('title', { key: 'cloudtrail', slug: 'cloudtrail' })
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor, 'title')).toEqual({ ok: true, position: { key: 'cloudtrail', slug: 'cloudtrail' } })
    expect(decodeCursor(cursor, '-updatedAt')).toEqual({
      ok: false,
      reason: 'this cursor belongs to the order "title", not "-updatedAt"',
    })
  })

  it('refuse anything this API did not hand out', () => {
    const forged = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64url')
    for (const cursor of [
      '',
      'not a cursor',
      '%%%',
      forged({ o: 'title', k: 'a' }),
      forged({ o: 'title', k: 'a', s: 'b', extra: 1 }),
      forged({ o: 'title', k: 1, s: 'b' }),
      forged([1, 2]),
    ]) {
      expect(decodeCursor(cursor, 'title')).toEqual({ ok: false, reason: 'not a cursor this API handed out' })
    }
  })
})
