// The app's own connection to Redis (the rendering cache has its own, src/site-cache/redis-cache-handler.mjs):
// one per process, opened on first use and kept.
import { createClient } from 'redis'

export type RedisClient = ReturnType<typeof createClient>

const CONNECT_TIMEOUT_MS = 2_000

/**
 * A client that fails a command at once while it is disconnected instead of queueing it until Redis is
 * back: callers have a fallback (./../rate-limit/rate-limiter-store.ts) and a request must not wait on it.
 */
export function connectRedisClient(url: string): RedisClient {
  const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: CONNECT_TIMEOUT_MS } })
  let reported = false
  // Without a listener an error would end the process; the client keeps reconnecting on its own.
  client.on('error', (error: Error) => {
    if (reported) return
    reported = true
    console.error(`Redis is unreachable (${error.message}); reconnecting.`)
  })
  client.on('ready', () => {
    if (reported) process.stdout.write('Redis is reachable again.\n')
    reported = false
  })
  client.connect().catch(() => {})
  return client
}

// Next bundles route handlers and Payload's hooks separately, so a module-level client could exist twice
// in one process; keeping it on globalThis makes every bundle use the same connection.
const CLIENT_KEY = Symbol.for('cloudlex.redis-client')

export function sharedRedisClient(url: string): RedisClient {
  const global = globalThis as { [CLIENT_KEY]?: RedisClient }
  global[CLIENT_KEY] ??= connectRedisClient(url)
  return global[CLIENT_KEY]
}
