// Rate limits on sign-in, account recovery and the search suggestions, through the real REST and GraphQL
// routes and the site's route handler, keyed by the client address the Cloudlex server sets. The limits
// are made small here so a few requests reach them; each test uses addresses of its own.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { GET as suggest } from '@/app/(frontend)/search/suggest/route'
import type { User } from '@/payload-types'
import { CLIENT_ADDRESS_HEADER } from '@/http/client-address-header'

import { callGraphql, callRest, errorMessage, type ApiAnswer } from './support/api-routes'
import { createStaffUser, getTestPayload } from './support/harness'

const PASSWORD = 'correct-horse-battery-staple'

let payload: Payload
let admin: User
let editor: User

beforeAll(async () => {
  vi.stubEnv('CLOUDLEX_RATE_LIMIT_LOGIN', '6/60')
  vi.stubEnv('CLOUDLEX_RATE_LIMIT_LOGIN_ACCOUNT', '3/60')
  vi.stubEnv('CLOUDLEX_RATE_LIMIT_FORGOT_PASSWORD', '2/60')
  vi.stubEnv('CLOUDLEX_RATE_LIMIT_FORGOT_PASSWORD_ACCOUNT', '2/60')
  vi.stubEnv('CLOUDLEX_RATE_LIMIT_RESET_PASSWORD', '2/60')
  vi.stubEnv('CLOUDLEX_RATE_LIMIT_UNLOCK', '2/60')
  vi.stubEnv('CLOUDLEX_RATE_LIMIT_SEARCH_SUGGEST', '2/60')
  payload = await getTestPayload()
  admin = await createStaffUser(payload, 'admin')
  editor = await createStaffUser(payload, 'editor')
})

const signIn = (email: string, password: string, from: string) =>
  callRest('POST', '/api/users/login', { body: { email, password }, from })

function expectTooManyRequests(answer: ApiAnswer, message: RegExp): void {
  expect(answer.status).toBe(429)
  expect(Number(answer.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect(Number(answer.headers.get('Retry-After'))).toBeLessThanOrEqual(60)
  expect(errorMessage(answer)).toMatch(message)
}

describe('signing in by REST', () => {
  it('answers 429 with Retry-After after too many failures for one account from one address, even to the right password', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await signIn(editor.email, 'wrong', '198.51.100.1')).status).toBe(401)
    expectTooManyRequests(
      await signIn(editor.email, PASSWORD, '198.51.100.1'),
      /^Too many failed sign-ins to this account from your address \(limit 3 per 1 minute\)\. Try again in \d+ seconds\.$/,
    )
  })

  it('still lets the account’s owner in from another address: one attacker cannot lock them out', async () => {
    expect((await signIn(editor.email, PASSWORD, '198.51.100.2')).status).toBe(200)
  })

  it('forgets an account’s failures from an address once someone signs in from it', async () => {
    for (let round = 0; round < 2; round += 1) {
      expect((await signIn(editor.email, 'wrong', '198.51.100.3')).status).toBe(401)
      expect((await signIn(editor.email, 'wrong', '198.51.100.3')).status).toBe(401)
      expect((await signIn(editor.email, PASSWORD, '198.51.100.3')).status).toBe(200)
    }
  })

  it('limits the failures of one address across accounts', async () => {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expect((await signIn(`guess-${attempt}@test.cloudlex`, 'wrong', '198.51.100.4')).status).toBe(401)
    }
    expectTooManyRequests(
      await signIn(admin.email, PASSWORD, '198.51.100.4'),
      /^Too many failed sign-ins from your address \(limit 6 per 1 minute\)/,
    )
    expect((await signIn(admin.email, PASSWORD, '198.51.100.5')).status).toBe(200)
  })

  it('does not write a refused attempt to the audit log', async () => {
    const before = (await payload.count({ collection: 'audit-log', where: { action: { equals: 'failed-login' } } }))
      .totalDocs
    expect((await signIn(admin.email, 'wrong', '198.51.100.4')).status).toBe(429)
    const after = (await payload.count({ collection: 'audit-log', where: { action: { equals: 'failed-login' } } }))
      .totalDocs
    expect(after).toBe(before)
  })
})

describe('signing in by GraphQL', () => {
  const LOGIN =
    'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }'

  it('counts failures with REST’s and reports the refusal with status 429 and Retry-After', async () => {
    const from = '198.51.100.6'
    for (let attempt = 0; attempt < 3; attempt += 1)
      await callGraphql(LOGIN, { email: editor.email, password: 'wrong' }, { from })
    const answer = await callGraphql(LOGIN, { email: editor.email, password: PASSWORD }, { from })
    const [error] = answer.json.errors as {
      message: string
      extensions: { statusCode: number; data: { retryAfterSeconds: number } }
    }[]
    expect(error?.extensions.statusCode).toBe(429)
    expect(error?.extensions.data.retryAfterSeconds).toBeGreaterThan(0)
    expect(error?.message).toMatch(/^Too many failed sign-ins to this account from your address/)
    expect(Number(answer.headers.get('Retry-After'))).toBeGreaterThan(0)
    expectTooManyRequests(await signIn(editor.email, PASSWORD, from), /Too many failed sign-ins/)
  })
})

describe('account recovery', () => {
  const forgot = (email: string, from: string) =>
    callRest('POST', '/api/users/forgot-password', { body: { email }, from })

  it('limits forgot-password requests per address', async () => {
    expect((await forgot(editor.email, '198.51.100.7')).status).toBe(200)
    expect((await forgot(admin.email, '198.51.100.7')).status).toBe(200)
    expectTooManyRequests(
      await forgot('nobody@test.cloudlex', '198.51.100.7'),
      /^Too many password-reset requests from your address \(limit 2 per 1 minute\)/,
    )
    expect((await forgot('nobody@test.cloudlex', '198.51.100.8')).status).toBe(200)
  })

  it('limits reset emails to one account from any number of addresses', async () => {
    expect((await forgot(editor.email, '198.51.100.13')).status).toBe(200)
    expectTooManyRequests(
      await forgot(editor.email, '198.51.100.14'),
      /^Too many password-reset requests for this account \(limit 2 per 1 minute\)/,
    )
  })

  it('limits password resets per address, so reset tokens cannot be guessed at speed', async () => {
    const reset = () =>
      callRest('POST', '/api/users/reset-password', {
        body: { token: 'guessed-token', password: 'new-password-123' },
        from: '198.51.100.9',
      })
    expect((await reset()).status).not.toBe(429)
    expect((await reset()).status).not.toBe(429)
    expectTooManyRequests(await reset(), /^Too many password resets from your address/)
  })

  it('limits unlocks per address, even an admin’s', async () => {
    const { token } = await payload.login({ collection: 'users', data: { email: admin.email, password: PASSWORD } })
    const unlock = () =>
      callRest('POST', '/api/users/unlock', { body: { email: editor.email }, token, from: '198.51.100.10' })
    expect((await unlock()).status).toBe(200)
    expect((await unlock()).status).toBe(200)
    expectTooManyRequests(await unlock(), /^Too many account unlocks from your address/)
  })
})

describe('search suggestions', () => {
  const ask = (from: string) =>
    suggest(new Request('http://localhost/search/suggest?q=storage', { headers: { [CLIENT_ADDRESS_HEADER]: from } }))

  it('answers 429 with Retry-After and a JSON message over the limit, per address', async () => {
    expect((await ask('198.51.100.11')).status).toBe(200)
    expect((await ask('198.51.100.11')).status).toBe(200)
    const refused = await ask('198.51.100.11')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(await refused.json()).toEqual({
      message: expect.stringMatching(
        /^Too many search suggestions for your address \(limit 2 per 1 minute\)\. Try again in \d+ seconds\.$/,
      ),
      retryAfterSeconds: expect.any(Number),
    })
    expect((await ask('198.51.100.12')).status).toBe(200)
  })
})
