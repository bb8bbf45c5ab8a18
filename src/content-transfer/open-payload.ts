// Starts Payload for a command-line tool: settings from .env, production database and migrations,
// and no demo seeding (a tool that imports content must not also load the demo set).
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

/**
 * A tool's settings, as the server's: .env (when there is one) under the environment, production unless told
 * otherwise.
 */
export function loadCliEnvironment(): void {
  const envFile = path.resolve(process.cwd(), '.env')
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile)
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: 'production' })
}

export async function openPayloadForCli(): Promise<Payload> {
  loadCliEnvironment()
  process.env.CLOUDLEX_SEED = 'off'
  process.env.CLOUDLEX_CLI = '1'
  process.env.CLOUDLEX_JOBS = 'off'
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  return getPayload({ config })
}
