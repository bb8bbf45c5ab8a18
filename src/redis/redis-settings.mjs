// Where the state several app instances must share lives: in Redis when REDIS_URL is set (the rendering
// and data cache, src/site-cache/redis-cache-handler.mjs; the rate-limit counters, src/rate-limit/), in
// this process otherwise. The one place that reads REDIS_URL. Plain JavaScript, because next.config.mjs
// and the cache handler Next loads are read by Node outside the TypeScript build.
import fs from 'node:fs'
import path from 'node:path'

const DEFAULT_KEY_PREFIX = 'cloudlex:'
const DEFAULT_PORT = '6379'

/**
 * @typedef {object} RedisSettings
 * @property {string} url the connection URL, password included: never print it
 * @property {string} address host:port, safe to print
 * @property {number} database the database number from the URL's path (0 without one)
 * @property {string} keyPrefix what every Cloudlex key in this Redis starts with (CACHE_KEY_PREFIX)
 */

/**
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {RedisSettings | null} null when REDIS_URL is unset: each process keeps its own cache and counters
 */
export function readRedisSettings(env) {
  const url = env.REDIS_URL?.trim()
  if (!url) return null
  const shape = 'REDIS_URL must look like redis://[user:password@]host[:port][/database] (rediss:// for TLS)'
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`${shape}; the value given is not a URL.`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new Error(`${shape}, not ${parsed.protocol}//…`)
  const databaseText = parsed.pathname.replace(/^\//, '')
  const database = databaseText === '' ? 0 : Number(databaseText)
  if (!Number.isInteger(database) || database < 0)
    throw new Error(`${shape}; "${databaseText}" is not a database number.`)
  return {
    url,
    address: `${parsed.hostname}:${parsed.port || DEFAULT_PORT}`,
    database,
    keyPrefix: env.CACHE_KEY_PREFIX || DEFAULT_KEY_PREFIX,
  }
}

/**
 * The build's own part of the keyspace: a new build never reads pages an older one rendered (their
 * scripts and styles are gone), and the older build's entries simply age out.
 * @param {RedisSettings} settings
 * @param {string} buildId
 */
export function renderingCacheKeyPrefix(settings, buildId) {
  return `${settings.keyPrefix}${buildId}:`
}

/**
 * Counters outlive builds: a deploy must not hand every client a fresh budget.
 * @param {RedisSettings} settings
 */
export function rateLimitKeyPrefix(settings) {
  return `${settings.keyPrefix}rate-limit:`
}

/**
 * The id Next gave the production build in `nextDir` (`.next`).
 * @param {string} nextDir
 */
export function readBuildId(nextDir) {
  const file = path.join(nextDir, 'BUILD_ID')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    throw new Error(
      `No build id at ${file}: the shared cache keeps each build's pages apart, so build first (npm run build).`,
    )
  }
}

/**
 * The line the server prints at start.
 * @param {RedisSettings | null} settings
 * @param {string} buildId
 */
export function describeSharedState(settings, buildId) {
  if (!settings)
    return "Rendering cache and rate-limit counters: this process's own (memory and .next on disk); REDIS_URL is not set."
  return `Rendering cache and rate-limit counters: Redis at ${settings.address}, database ${settings.database}, keys ${renderingCacheKeyPrefix(settings, buildId)}… and ${rateLimitKeyPrefix(settings)}…`
}
