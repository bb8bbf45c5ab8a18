// Settings of `npm run bench:admin`, from the environment, shared by the Playwright config, the database
// preparation and the spec (which run in different processes).
import { E2E_ADMIN } from '../../e2e/support/staff'

export type ScaleSettings = {
  /** Generated terms in the database (CLOUDLEX_SCALE_TERMS, default 10,000). */
  terms: number
  /** Measured loads of each view, after one warm-up load (CLOUDLEX_SCALE_RUNS, default 20). */
  runs: number
  /** Terms per import process (CLOUDLEX_SCALE_IMPORT_BATCH, default 500). */
  importBatch: number
  /** The p95 a view may take (CLOUDLEX_SCALE_P95_MS, default 1,000 ms). */
  p95BudgetMs: number
  /** The SQLite file the server runs on (CLOUDLEX_SCALE_DB; the config picks a temporary one when unset). */
  databaseFile: string
  port: number
  baseURL: string
  /** What the production server (and the import into its database) runs with. */
  serverEnv: Record<string, string>
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`)
  return value
}

export function readScaleSettings(env: NodeJS.ProcessEnv = process.env): ScaleSettings {
  const databaseFile = env.CLOUDLEX_SCALE_DB
  if (!databaseFile) throw new Error('CLOUDLEX_SCALE_DB is not set: run the benchmark with `npm run bench:admin`')
  const port = positiveInteger(env, 'CLOUDLEX_E2E_PORT', 3313)
  const baseURL = `http://127.0.0.1:${port}`
  return {
    terms: positiveInteger(env, 'CLOUDLEX_SCALE_TERMS', 10_000),
    runs: positiveInteger(env, 'CLOUDLEX_SCALE_RUNS', 20),
    importBatch: positiveInteger(env, 'CLOUDLEX_SCALE_IMPORT_BATCH', 500),
    p95BudgetMs: positiveInteger(env, 'CLOUDLEX_SCALE_P95_MS', 1_000),
    databaseFile,
    port,
    baseURL,
    serverEnv: {
      NODE_ENV: 'production',
      DATABASE_URI: `file:${databaseFile}`,
      PAYLOAD_SECRET: 'scale-bench-secret-not-for-real-use-000000000',
      SERVER_URL: baseURL,
      CLOUDLEX_ADMIN_EMAIL: E2E_ADMIN.email,
      CLOUDLEX_ADMIN_PASSWORD: E2E_ADMIN.password,
      CLOUDLEX_SEED: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  }
}
