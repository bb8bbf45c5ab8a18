import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exchange, type BenchRequest } from '../../bench/bench-request'
import { answerProblem, recordResponses, replayableHeaders } from '../../bench/ceiling-recording'
import { startCeilingServer, type CeilingServer } from '../../bench/ceiling-server'

// A stand-in for the app: answers depend on the path and, for POST, on the body (as GraphQL's do).
const app = http.createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString()
    response.setHeader('content-type', request.method === 'POST' ? 'application/json' : 'text/html; charset=utf-8')
    response.setHeader('x-page', request.url ?? '')
    response.end(
      request.method === 'POST' ? JSON.stringify({ echoed: body }) : `<p>${request.url} ${'é'.repeat(3_000)}</p>`,
    )
  })
})
let appUrl = ''
let ceiling: CeilingServer

const requests: BenchRequest[] = [
  { method: 'GET', path: '/terms/a' },
  { method: 'GET', path: '/search?q=cobalt%20managed' },
  { method: 'POST', path: '/api/graphql', headers: { 'content-type': 'application/json' }, body: '{"slug":"a"}' },
  { method: 'POST', path: '/api/graphql', headers: { 'content-type': 'application/json' }, body: '{"slug":"b"}' },
]

beforeAll(async () => {
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
  const recording = await recordResponses(appUrl, requests)
  ceiling = await startCeilingServer(recording.responses)
}, 30_000)

afterAll(async () => {
  await ceiling?.stop()
  await new Promise((resolve) => app.close(resolve))
})

describe('the ceiling server', () => {
  it('answers every recorded request with the bytes, status and content type the app sent', async () => {
    for (const request of requests) {
      const [fromApp, fromCeiling] = [await exchange(appUrl, request), await exchange(ceiling.baseUrl, request)]
      expect(fromCeiling.status).toBe(fromApp.status)
      expect(fromCeiling.body.equals(fromApp.body)).toBe(true)
      const header = (answer: typeof fromApp, name: string) =>
        answer.headers.find(([key]) => key.toLowerCase() === name)?.[1]
      expect(header(fromCeiling, 'content-type')).toBe(header(fromApp, 'content-type'))
      expect(header(fromCeiling, 'x-page')).toBe(header(fromApp, 'x-page'))
    }
  })

  it('tells apart requests to one path by their body', async () => {
    const [a, b] = [await exchange(ceiling.baseUrl, requests[2]!), await exchange(ceiling.baseUrl, requests[3]!)]
    expect(JSON.parse(a.body.toString())).toEqual({ echoed: '{"slug":"a"}' })
    expect(JSON.parse(b.body.toString())).toEqual({ echoed: '{"slug":"b"}' })
  })

  it('answers 404 to a request it never recorded instead of inventing a body', async () => {
    expect((await exchange(ceiling.baseUrl, { method: 'GET', path: '/terms/never-recorded' })).status).toBe(404)
  })

  it('replays headers about the response but not those about the connection', () => {
    const kept = replayableHeaders([
      ['Content-Type', 'text/html'],
      ['Date', 'Mon, 30 Nov 2026 22:00:00 GMT'],
      ['Connection', 'keep-alive'],
      ['Keep-Alive', 'timeout=5'],
      ['Transfer-Encoding', 'chunked'],
      ['Content-Length', '12'],
      ['ETag', '"abc"'],
    ])
    expect(kept).toEqual([
      ['Content-Type', 'text/html'],
      ['ETag', '"abc"'],
    ])
  })
})

describe('checking what the ceiling will replay', () => {
  it('flags an answer that is not 2xx, or a GraphQL 200 that carries errors instead of data', () => {
    expect(answerProblem(200, 'text/html; charset=utf-8', '<p>ok</p>')).toBeUndefined()
    expect(answerProblem(200, 'application/json', '{"data":{"Terms":{"docs":[]}}}')).toBeUndefined()
    expect(answerProblem(429, 'application/json', '{}')).toBe('answered 429')
    expect(answerProblem(200, 'application/json', '{"errors":[{"message":"Cannot query field"}]}')).toBe(
      'answered 200 with errors',
    )
  })
})
