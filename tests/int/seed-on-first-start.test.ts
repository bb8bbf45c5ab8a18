import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { seedOnFirstStart } from '@/first-start/seed-on-first-start'

import { getTestPayload, setEnv } from './support/harness'

let payload: Payload
const originalEnv = { ...process.env }

beforeAll(async () => {
  payload = await getTestPayload()
})

afterEach(() => {
  setEnv({
    NODE_ENV: originalEnv.NODE_ENV,
    CLOUDLEX_SEED: originalEnv.CLOUDLEX_SEED,
    CLOUDLEX_DEMO_ADMIN_EMAIL: undefined,
    CLOUDLEX_DEMO_ADMIN_PASSWORD: undefined,
  })
  vi.restoreAllMocks()
})

describe('first start against an empty database', () => {
  it('does nothing when seeding is switched off', async () => {
    setEnv({ CLOUDLEX_SEED: 'off', NODE_ENV: 'development' })
    await seedOnFirstStart(payload)
    expect((await payload.count({ collection: 'terms' })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(0)
  })

  it('loads seed/ as published content and creates no account in production', async () => {
    setEnv({ CLOUDLEX_SEED: undefined, NODE_ENV: 'production' })
    await seedOnFirstStart(payload)
    const terms = await payload.count({ collection: 'terms', where: { _status: { equals: 'published' } } })
    expect(terms.totalDocs).toBeGreaterThanOrEqual(41)
    const readable = await payload.find({
      collection: 'terms',
      overrideAccess: false,
      where: { slug: { equals: 'cloudtrail' } },
    })
    expect(readable.docs).toHaveLength(1)
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(0)
  })

  it('leaves existing content alone on later starts', async () => {
    setEnv({ CLOUDLEX_SEED: undefined, NODE_ENV: 'production' })
    const versionsBefore = (await payload.countVersions({ collection: 'terms' })).totalDocs
    await seedOnFirstStart(payload)
    expect((await payload.countVersions({ collection: 'terms' })).totalDocs).toBe(versionsBefore)
  })

  it('creates a demo admin in development with the password from the environment', async () => {
    setEnv({
      CLOUDLEX_SEED: undefined,
      NODE_ENV: 'development',
      CLOUDLEX_DEMO_ADMIN_EMAIL: 'demo@test.cloudlex',
      CLOUDLEX_DEMO_ADMIN_PASSWORD: 'a-demo-password-from-env',
    })
    await seedOnFirstStart(payload)
    const login = await payload.login({
      collection: 'users',
      data: { email: 'demo@test.cloudlex', password: 'a-demo-password-from-env' },
    })
    expect(login.user?.role).toBe('admin')
    await payload.delete({ collection: 'users', where: { email: { equals: 'demo@test.cloudlex' } } })
  })

  it('prints a random demo password once when none is configured', async () => {
    setEnv({ CLOUDLEX_SEED: undefined, NODE_ENV: 'development' })
    const info = vi.spyOn(payload.logger, 'info')
    await seedOnFirstStart(payload)
    const announcement = info.mock.calls.map((call) => String(call[0])).find((line) => line.includes('Demo admin'))
    const password = announcement?.match(/admin@cloudlex\.local \/ (\S+)/)?.[1]
    expect(password).toBeTruthy()
    const login = await payload.login({
      collection: 'users',
      data: { email: 'admin@cloudlex.local', password: password! },
    })
    expect(login.user?.role).toBe('admin')

    info.mockClear()
    await seedOnFirstStart(payload)
    expect(info.mock.calls.some((call) => String(call[0]).includes('Demo admin'))).toBe(false)
  })
})
