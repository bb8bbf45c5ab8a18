// Malformed requests to the REST and GraphQL routes (as src/app/(payload)/api mounts them) get a 4xx with a
// message naming the problem, never a 500 or an empty answer; well-formed ones still work.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { DELETE as graphqlDelete, GET as graphqlGet } from '@/app/(payload)/api/graphql/route'
import type { User } from '@/payload-types'

import { smallPng } from '../support/generated-images'
import { callGraphql, callRest, errorMessage, postGraphql, tokenFor, type ApiAnswer } from './support/api-routes'
import { createStaffUser, getTestPayload, STAFF_PASSWORD } from './support/harness'

let payload: Payload
let admin: User
let token: string

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await createStaffUser(payload, 'admin')
  token = await tokenFor(payload, admin)
})

const TERMS_QUERY = JSON.stringify({ query: '{ Terms(limit: 1) { totalDocs } }' })
const LOGIN = JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' })

const postGraphqlRaw = (rawBody: string, contentType: string) =>
  postGraphql(undefined, { rawBody, headers: { 'Content-Type': contentType } })
const postRestRaw = (path: string, rawBody: string, contentType: string) =>
  callRest('POST', path, { rawBody, headers: { 'Content-Type': contentType } })

function expectRefusal(answer: ApiAnswer, status: number, message: RegExp) {
  expect(answer.status).toBe(status)
  expect(errorMessage(answer)).toMatch(message)
}

describe('GraphQL methods', () => {
  it('answers GET /api/graphql with 405, a message and Allow: POST', async () => {
    const response = graphqlGet(new Request('http://localhost/api/graphql?query=%7B'))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toContain('POST')
    expect(await response.text()).toMatch(/POST only.*not by GET/)
  })

  it('answers DELETE /api/graphql with 405 and a message', async () => {
    const response = graphqlDelete(new Request('http://localhost/api/graphql', { method: 'DELETE' }))
    expect(response.status).toBe(405)
    expect(await response.text()).toMatch(/not by DELETE/)
  })
})

describe('GraphQL bodies', () => {
  it('refuses malformed JSON with 400 saying the body is not valid JSON', async () => {
    expectRefusal(await postGraphqlRaw('{', 'application/json'), 400, /not valid JSON/)
  })

  it.each([
    ['multipart/form-data', 'multipart/form-data; boundary=x'],
    ['text/plain', 'text/plain'],
    ['text/xml', 'text/xml'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['application/json; charset=utf-7', 'application/json; charset=utf-7'],
    ['"../../"', '../../'],
    ['"application/json, text/plain"', 'application/json, text/plain'],
    ['application/json followed by 3,000 semicolons', `application/json${';'.repeat(3000)}`],
  ])('refuses Content-Type %s with 415 naming what the route accepts', async (_, contentType) => {
    expectRefusal(await postGraphqlRaw(TERMS_QUERY, contentType), 415, /accepts application\/json/)
  })

  it('refuses a fragment that spreads itself with 400, using graphql’s own message', async () => {
    const answer = await callGraphql('fragment A on Term { ...A } { Terms { docs { ...A } } }')
    expectRefusal(answer, 400, /Cannot spread fragment "A" within itself/)
  })

  it('refuses fragments that spread each other in a loop', async () => {
    const answer = await callGraphql(
      'fragment A on Term { ...B } fragment B on Term { ...A } { Terms { docs { ...A } } }',
    )
    expectRefusal(answer, 400, /Cannot spread fragment "A" within itself via "B"/)
  })

  it('still answers a well-formed query, with or without charset=utf-8', async () => {
    for (const contentType of ['application/json', 'application/json; charset=utf-8']) {
      const answer = await postGraphqlRaw(TERMS_QUERY, contentType)
      expect(answer.status).toBe(200)
      expect(answer.json).toMatchObject({ data: { Terms: { totalDocs: 0 } } })
    }
  })

  it('still answers a query that uses fragments without a cycle', async () => {
    const answer = await callGraphql('fragment T on Term { id } { Terms { docs { ...T } } }')
    expect(answer.status).toBe(200)
    expect(answer.json.errors).toBeUndefined()
  })
})

describe('multipart writes', () => {
  const longBoundary = `"${' '.repeat(2030)}"`

  it.each(['/api/users/login', '/api/terms'])(
    'refuses multipart/form-data without a boundary on %s with 400',
    async (path) => {
      expectRefusal(await postRestRaw(path, LOGIN, 'multipart/form-data'), 400, /no boundary parameter/)
    },
  )

  it.each([
    [
      'a 2,032-character quoted boundary',
      `multipart/form-data; boundary=${longBoundary}`,
      /boundary is 2030 characters long; it may be at most 70/,
    ],
    ['a 5,000-character boundary', `multipart/form-data; boundary=${'-'.repeat(5000)}`, /at most 70/],
    [
      'a boundary with a character RFC 2046 forbids',
      'multipart/form-data; boundary=a{b',
      /characters RFC 2046 does not allow/,
    ],
  ])('refuses %s with 400 naming the limit', async (_, contentType, message) => {
    expectRefusal(await postRestRaw('/api/users/login', LOGIN, contentType), 400, message)
  })

  it('refuses a JSON body sent as multipart with 400: it does not start with the boundary', async () => {
    expectRefusal(
      await postRestRaw('/api/terms', LOGIN, 'multipart/form-data; boundary=abc'),
      400,
      /does not start with its boundary/,
    )
  })

  it('refuses a multipart body cut short before its closing delimiter with 400', async () => {
    const body = '--abc\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"name":"Cut"}'
    expectRefusal(
      await postRestRaw('/api/categories', body, 'multipart/form-data; boundary=abc'),
      400,
      /no closing delimiter/,
    )
  })

  it('refuses multipart types other than form-data with 415', async () => {
    expectRefusal(
      await postRestRaw('/api/terms', LOGIN, 'multipart/mixed; boundary=abc'),
      415,
      /must be multipart\/form-data/,
    )
  })

  it('still saves a document the way the admin does, as multipart with a _payload field', async () => {
    const form = new FormData()
    form.append('_payload', JSON.stringify({ name: 'Saved as multipart' }))
    const answer = await callRest('POST', '/api/categories', { token, body: form })
    expect(answer.status).toBe(201)
    expect(answer.json.doc).toMatchObject({ name: 'Saved as multipart' })
  })

  it('still stores a real multipart media upload', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await smallPng())], { type: 'image/png' }), 'diagram.png')
    form.append('_payload', JSON.stringify({ alt: 'A diagram' }))
    const answer = await callRest('POST', '/api/media', { token, body: form })
    expect(answer.status).toBe(201)
    expect(answer.json.doc).toMatchObject({ mimeType: 'image/png' })
  })

  it('still signs in with a JSON body', async () => {
    const answer = await callRest('POST', '/api/users/login', {
      body: { email: admin.email, password: STAFF_PASSWORD },
    })
    expect(answer.status).toBe(200)
    expect(answer.json.token).toEqual(expect.any(String))
  })
})

describe('email verification', () => {
  it.each(['{"__proto__":{"admin":true}}', 'null', '[[[]]]', '{'])(
    'answers POST /api/users/verify/x with 404 and a message (body %s)',
    async (body) => {
      expectRefusal(await postRestRaw('/api/users/verify/x', body, 'application/json'), 404, /no email verification/)
    },
  )
})
