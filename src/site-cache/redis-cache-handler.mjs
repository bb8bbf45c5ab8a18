// Next's rendering and data cache (pages, route answers, unstable_cache reads) in Redis, shared by every
// app instance, so an entry one instance rendered is served by all and a revalidateTag on one instance
// expires it for all. next.config.mjs names this file as `cacheHandler` when REDIS_URL is set; Next
// imports it itself, outside the TypeScript build, hence plain JavaScript.
//
// The store is @trieb.work/nextjs-turbo-redis-cache: maintained, tested by its authors on Next 16 with
// the redis client we pin, and it expires by tag across instances (a tag→keys map synced over pub/sub).
import path from 'node:path'

import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache'

import { readBuildId, readRedisSettings, renderingCacheKeyPrefix } from '../redis/redis-settings.mjs'

/**
 * A read that takes longer is answered as a miss and the page is rendered: a slow or absent Redis makes
 * the site slower, never unavailable. Writes and expiries get longer, as nobody waits on them.
 */
const READ_TIMEOUT_MS = 500
const WRITE_TIMEOUT_MS = 2_000
/** How often expiries that failed while Redis was away are tried again. */
const EXPIRY_RETRY_MS = 5_000

/** @param {string | undefined} serverDistDir */
function createStore(serverDistDir) {
  const settings = readRedisSettings(process.env)
  if (!settings)
    throw new Error(
      'The Redis cache handler was loaded without REDIS_URL (next.config.mjs names it only when it is set).',
    )
  const nextDir = serverDistDir ? path.dirname(serverDistDir) : path.join(process.cwd(), '.next')
  return new RedisStringsHandler({
    redisUrl: settings.url,
    database: settings.database,
    keyPrefix: renderingCacheKeyPrefix(settings, readBuildId(nextDir)),
    getTimeoutMs: READ_TIMEOUT_MS,
    // No copy of Redis answers in this process: a copy would be served for as long as it is kept when the
    // pub/sub message deleting it is lost, and the change-sync promise is "fresh on every instance within
    // about a second". A read is one GET on a nearby Redis. Deduplicating reads only pays with that copy,
    // and it would broadcast a deletion to every instance after each read.
    inMemoryCachingTime: 0,
    redisGetDeduplication: false,
    socketOptions: { connectTimeout: WRITE_TIMEOUT_MS },
  })
}

/**
 * @template T
 * @param {Promise<T>} operation
 * @param {number} ms
 * @returns {Promise<{ done: true, value: T } | { done: false }>}
 */
async function within(operation, ms) {
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms)
  })
  try {
    return await Promise.race([operation.then((value) => ({ done: true, value })), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** @type {RedisStringsHandler | undefined} */
let store
/** Tags whose expiry did not reach Redis; the next expiry, or the retry timer, carries them. */
const pendingExpiries = new Set()
/** @type {ReturnType<typeof setInterval> | undefined} */
let retryTimer

/** @param {string[]} tags */
async function expireTags(tags) {
  for (const tag of tags) pendingExpiries.add(tag)
  const carried = [...pendingExpiries]
  // The store expires immediately whatever profile Next passes: revalidateTag(tag, { expire: 0 }), the
  // only kind Cloudlex makes, asks for exactly that.
  const outcome = await within(store.revalidateTag(carried), WRITE_TIMEOUT_MS).catch(() => ({ done: false }))
  if (outcome.done) {
    for (const tag of carried) pendingExpiries.delete(tag)
    clearInterval(retryTimer)
    retryTimer = undefined
    return
  }
  if (!retryTimer) {
    console.error(
      `Redis did not take the expiry of ${carried.length} cache tag(s); retrying every ${EXPIRY_RETRY_MS / 1000} s until it does.`,
    )
    retryTimer = setInterval(() => void expireTags([]), EXPIRY_RETRY_MS)
    retryTimer.unref()
  }
}

export default class RedisCacheHandler {
  /** Next makes a handler per request; they all share one store and its connections. */
  constructor(/** @type {{ serverDistDir?: string }} */ options) {
    store ??= createStore(options?.serverDistDir)
  }

  /** @param {Parameters<RedisStringsHandler['get']>} args */
  async get(...args) {
    const outcome = await within(store.get(...args), READ_TIMEOUT_MS)
    return outcome.done ? outcome.value : null
  }

  /** @param {Parameters<RedisStringsHandler['set']>} args */
  async set(...args) {
    // A page that could not be stored is rendered again next time; the reader already has it.
    await within(store.set(...args), WRITE_TIMEOUT_MS).catch(() => undefined)
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    await expireTags([tags].flat())
  }

  resetRequestCache() {
    store.resetRequestCache()
  }
}
