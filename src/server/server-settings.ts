// The server's settings, from its command line (--port, --hostname) and the environment, checked before
// it listens so a mistake stops it at once with a message instead of failing the first request.
import { parseArgs } from 'node:util'

import { readOperatorAdmin } from '../collections/Users/operator-admin-settings'
import { readChangeFeedSettings, readLogRetentionSettings, readWebhookSettings } from '../config/env'
import { readS3Settings } from '../media-storage/media-storage-settings'
import { readAllRateLimits } from '../rate-limit/limits'

import { parseTrustedProxies, type TrustedProxies } from './resolve-client-address'
import type { Environment } from '../config/environment'

export type ServerSettings = {
  dev: boolean
  port: number
  hostname: string | undefined
  trustedProxies: TrustedProxies
  /** The operator asked Node for mapped stack traces (--enable-source-maps on the command line or in NODE_OPTIONS). */
  sourceMaps: boolean
}

const SOURCE_MAPS_FLAG = '--enable-source-maps'

export function readServerSettings(argv: string[], env: Environment, execArgv: readonly string[] = []): ServerSettings {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  })
  const portText = values.port ?? env.PORT ?? '3000'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port / PORT must be a port number, not "${portText}".`)
  return {
    dev: env.NODE_ENV === 'development',
    port,
    hostname: values.hostname ?? (env.HOSTNAME || undefined),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    sourceMaps: sourceMapsAsked(env, execArgv),
  }
}

/**
 * Whether the operator asked Node for mapped stack traces (--enable-source-maps on the command line or in
 * NODE_OPTIONS).
 */
export function sourceMapsAsked(
  env: Environment = process.env,
  execArgv: readonly string[] = process.execArgv,
): boolean {
  return execArgv.includes(SOURCE_MAPS_FLAG) || (env.NODE_OPTIONS ?? '').split(/\s+/).includes(SOURCE_MAPS_FLAG)
}

/** Settings the app reads later (after Next has loaded .env), checked here so they fail at start. */
export function checkAppSettings(env: Environment): void {
  readOperatorAdmin(env)
  readAllRateLimits(env)
  readS3Settings(env)
  readChangeFeedSettings(env)
  readWebhookSettings(env)
  readLogRetentionSettings(env)
}
