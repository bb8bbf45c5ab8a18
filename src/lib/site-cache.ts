// Keeps data the public site derives from published content in memory until content changes. Each
// read asks the database how many changes were recorded for the data's cache tags (one indexed count);
// a different number than the one the cached value was built at means something changed, in this
// process or any other sharing the database, and the value is rebuilt. Reads therefore see a publish,
// unpublish or delete on the very next request.
import type { Payload } from 'payload'

import type { CacheTag } from './cache-tags'

type Entry<T> = { revision: number; value: Promise<T> }

const entries = new Map<string, Entry<unknown>>()

export async function readContentRevision(payload: Payload, tags: readonly CacheTag[]): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'content-changes',
    where: { tag: { in: [...tags] } },
    overrideAccess: true,
  })
  return totalDocs
}

/**
 * Returns the cached value for `key`, building it with `load` when none exists or when content under
 * `tags` has changed since it was built. Concurrent readers share one build.
 */
export async function cachedUntilContentChanges<T>(
  payload: Payload,
  key: string,
  tags: readonly CacheTag[],
  load: (payload: Payload) => Promise<T>,
): Promise<T> {
  const revision = await readContentRevision(payload, tags)
  const cached = entries.get(key) as Entry<T> | undefined
  if (cached && cached.revision === revision) return cached.value

  // Stamped with the revision read before loading: a change that lands mid-build is picked up next time.
  const value = load(payload)
  entries.set(key, { revision, value })
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key)
  })
  return value
}

/** Forgets every cached value (tests use it to start from a cold cache). */
export function clearSiteCache(): void {
  entries.clear()
}
