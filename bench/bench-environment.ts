// Where one measured glossary lives (a fresh temp folder: database, media, entry files) and the
// environment the app server and the import CLI share for it.
import crypto from 'node:crypto'
import path from 'node:path'

import { RATE_LIMITS } from '@/rate-limit/limits'
import type { Environment } from '@/config/environment'

export type BenchPaths = {
  workDir: string
  databaseUri: string
  mediaDir: string
  /** The generated entry files the import reads. */
  termsDir: string
  /** One edited entry, published while the term page is under load. */
  publishDir: string
}

export function benchPaths(workDir: string): BenchPaths {
  return {
    workDir,
    databaseUri: `file:${path.join(workDir, 'bench.db')}`,
    mediaDir: path.join(workDir, 'media'),
    termsDir: path.join(workDir, 'terms'),
    publishDir: path.join(workDir, 'publish'),
  }
}

/**
 * The bench's own load comes from one loopback address at thousands of requests a second: every limit
 * is raised far above that, so the numbers measure the work and never a 429.
 */
export const UNLIMITED_RATE = '1000000000/1'

export function unlimitedRateLimits(): Record<string, string> {
  return Object.fromEntries(Object.values(RATE_LIMITS).map((limit) => [limit.env, UNLIMITED_RATE]))
}

export type BenchEnvironment = { app: NodeJS.ProcessEnv; cli: NodeJS.ProcessEnv }

/** The environments of `npm start` and `npm run import` on this glossary, as a person would run them. */
export function benchEnvironment(paths: BenchPaths, baseEnv: Environment = process.env): BenchEnvironment {
  const shared: NodeJS.ProcessEnv = {
    ...baseEnv,
    NODE_ENV: 'production',
    DATABASE_URI: paths.databaseUri,
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    CLOUDLEX_SEED: 'off',
    CLOUDLEX_MEDIA_DIR: paths.mediaDir,
    NEXT_TELEMETRY_DISABLED: '1',
  }
  return {
    app: { ...shared, ...unlimitedRateLimits(), NODE_OPTIONS: '--no-deprecation' },
    cli: { ...shared, NODE_OPTIONS: '--no-deprecation --conditions=production' },
  }
}
