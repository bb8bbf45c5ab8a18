import { describe, expect, it } from 'vitest'

import { benchEnvironment, benchPaths, UNLIMITED_RATE } from '../../bench/bench-environment'
import { sampleSlugs } from '../../bench/endpoints'
import { generatedEntry } from '../../bench/generated-glossary'
import { RATE_LIMITS, readAllRateLimits } from '@/rate-limit/limits'

describe('the environment the bench runs the app and the import CLI in', () => {
  const paths = benchPaths('/tmp/cloudlex-bench-test')
  const env = benchEnvironment(paths, { PATH: '/usr/bin' })

  it('raises every rate limit far above the bench load, so no answer is a 429', () => {
    for (const limit of Object.values(RATE_LIMITS)) expect(env.app[limit.env]).toBe(UNLIMITED_RATE)
    for (const setting of Object.values(readAllRateLimits(env.app)))
      expect(setting.points / setting.seconds).toBeGreaterThan(1_000_000)
  })

  it('points the server and the CLI at the same fresh database, media folder and secret, in production mode', () => {
    for (const key of ['DATABASE_URI', 'CLOUDLEX_MEDIA_DIR', 'PAYLOAD_SECRET'] as const)
      expect(env.cli[key]).toBe(env.app[key])
    expect(env.app.DATABASE_URI).toBe('file:/tmp/cloudlex-bench-test/bench.db')
    expect(env.app.NODE_ENV).toBe('production')
    expect(env.app.CLOUDLEX_SEED).toBe('off')
    expect(env.app.PAYLOAD_SECRET!.length).toBeGreaterThanOrEqual(32)
  })
})

describe('the terms the bench loads', () => {
  it('spreads its sample over the whole glossary, starting with the term the freshness probe edits', () => {
    const slugs = sampleSlugs(10_000)
    expect(slugs).toHaveLength(20)
    expect(new Set(slugs).size).toBe(20)
    expect(slugs[0]).toBe(generatedEntry(0, 10_000).slug)
    expect(slugs.at(-1)).toBe(generatedEntry(9_500, 10_000).slug)
  })
})
