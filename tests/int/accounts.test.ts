// The first account, the operator's admin, and who may unlock accounts, through the real REST and GraphQL
// routes. Runs in order on one fresh database: the production tests need one without any account.
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { User } from '@/payload-types'
import { seedOnFirstStart } from '@/first-start/seed-on-first-start'

import { callGraphql, callRest, errorMessage, startRoutes } from './support/api-routes'
import { createStaffUser, getTestPayload, setEnv } from './support/harness'

const OPERATOR = { email: 'operator@test.cloudlex', password: 'operator-password-long' }
const STAFF_PASSWORD = 'correct-horse-battery-staple'
const originalEnv = { ...process.env }

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
  await startRoutes()
})

afterEach(() => {
  setEnv({ NODE_ENV: originalEnv.NODE_ENV, CLOUDLEX_ADMIN_EMAIL: undefined, CLOUDLEX_ADMIN_PASSWORD: undefined })
  vi.restoreAllMocks()
})

const userCount = async () => (await payload.count({ collection: 'users' })).totalDocs

describe('the first account in production', () => {
  it('refuses an anonymous first-register by REST and says how the operator creates the admin', async () => {
    setEnv({ NODE_ENV: 'production' })
    const answer = await callRest('POST', '/api/users/first-register', {
      body: { email: 'first@test.cloudlex', password: 'first-visitor-pw', confirmPassword: 'first-visitor-pw' },
    })
    expect(answer.status).toBe(403)
    expect(errorMessage(answer)).toContain('set CLOUDLEX_ADMIN_EMAIL and CLOUDLEX_ADMIN_PASSWORD')
    expect(errorMessage(answer)).toContain('npm run create-admin')
    expect(answer.json.token).toBeUndefined()
    expect(await userCount()).toBe(0)
    expect((await callRest('GET', '/api/users/init')).json).toEqual({ initialized: false })
  })

  it('refuses the first account from server code too, unless the operator creates it', async () => {
    setEnv({ NODE_ENV: 'production' })
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'sneaky@test.cloudlex', password: 'sneaky-password-1', role: 'author' },
      }),
    ).rejects.toThrow(/not created from the web/)
    expect(await userCount()).toBe(0)
  })

  it('refuses to start when CLOUDLEX_ADMIN_PASSWORD is too short, without printing it', async () => {
    setEnv({ NODE_ENV: 'production', CLOUDLEX_ADMIN_EMAIL: OPERATOR.email, CLOUDLEX_ADMIN_PASSWORD: 'too-short' })
    const start = seedOnFirstStart(payload)
    await expect(start).rejects.toThrow('the password is shorter than 12 characters')
    await expect(start).rejects.not.toThrow(/too-short/)
    expect(await userCount()).toBe(0)
  })

  it('creates the operator’s admin from the environment on first start and never logs the password', async () => {
    setEnv({ NODE_ENV: 'production', CLOUDLEX_ADMIN_EMAIL: OPERATOR.email, CLOUDLEX_ADMIN_PASSWORD: OPERATOR.password })
    const logged = (['info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(payload.logger, level))
    await seedOnFirstStart(payload)
    const login = await payload.login({ collection: 'users', data: OPERATOR })
    expect(login.user?.role).toBe('admin')
    const lines = JSON.stringify(logged.flatMap((spy) => spy.mock.calls))
    expect(lines).toContain(OPERATOR.email)
    expect(lines).not.toContain(OPERATOR.password)
  })

  it('creates no second admin on later starts', async () => {
    setEnv({
      NODE_ENV: 'production',
      CLOUDLEX_ADMIN_EMAIL: 'other@test.cloudlex',
      CLOUDLEX_ADMIN_PASSWORD: OPERATOR.password,
    })
    await seedOnFirstStart(payload)
    expect(await userCount()).toBe(1)
  })
})

describe('unlocking an account', () => {
  let locked: User
  const tokens = {} as Record<'author' | 'reviewer' | 'editor' | 'admin', string>

  async function lockOut(user: User): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await payload
        .login({ collection: 'users', data: { email: user.email, password: 'wrong' } })
        .catch(() => undefined)
    }
  }

  const isLocked = async (user: User) => {
    const found = await payload.findByID({ collection: 'users', id: user.id, showHiddenFields: true })
    return Boolean(found.lockUntil && new Date(found.lockUntil) > new Date())
  }

  beforeAll(async () => {
    for (const role of ['author', 'reviewer', 'editor'] as const) {
      const user = await createStaffUser(payload, role)
      tokens[role] = (
        await payload.login({ collection: 'users', data: { email: user.email, password: STAFF_PASSWORD } })
      ).token!
    }
    tokens.admin = (await payload.login({ collection: 'users', data: OPERATOR })).token!
    locked = await createStaffUser(payload, 'author')
    await lockOut(locked)
    expect(await isLocked(locked)).toBe(true)
  })

  for (const role of ['author', 'reviewer', 'editor'] as const) {
    it(`refuses ${role === 'reviewer' ? 'a' : 'an'} ${role} who unlocks another account by REST or GraphQL`, async () => {
      const rest = await callRest('POST', '/api/users/unlock', { body: { email: locked.email }, token: tokens[role] })
      expect(rest.status).toBe(403)
      const graphql = await callGraphql(
        'mutation ($email: String!) { unlockUser(email: $email) }',
        { email: locked.email },
        { token: tokens[role] },
      )
      expect(JSON.stringify(graphql.json.errors)).toContain('Forbidden')
      expect(await isLocked(locked)).toBe(true)
    })
  }

  it('refuses an anonymous unlock', async () => {
    expect((await callRest('POST', '/api/users/unlock', { body: { email: locked.email } })).status).toBe(403)
    expect(await isLocked(locked)).toBe(true)
  })

  it('lets an admin unlock an account', async () => {
    const answer = await callRest('POST', '/api/users/unlock', { body: { email: locked.email }, token: tokens.admin })
    expect(answer.status).toBe(200)
    expect(await isLocked(locked)).toBe(false)
    const login = await payload.login({ collection: 'users', data: { email: locked.email, password: STAFF_PASSWORD } })
    expect(login.user?.id).toBe(locked.id)
  })
})
