// Data reads the public site shares between requests, kept in Next's data cache under cache tags and
// dropped when a change to something they show is recorded (./revalidate-changes.ts). A page rendered
// from cached reads carries their tags, so Next's full-route cache drops the page at the same moment.
import { unstable_cache } from 'next/cache'

import { SITE_TAG } from './cache-tags'

/** A cached document as the bytes it is served as, with their ETag. */
export type CachedDocument = { body: string; etag: string }

/**
 * Runs `read` at most once per `key` until one of `tags` is revalidated. `key` must name everything the
 * result depends on (the function and its arguments); results must be JSON-serialisable.
 */
export function cachedRead<T>(
  key: readonly (string | number)[],
  tags: readonly string[],
  read: () => Promise<T>,
): Promise<T> {
  return unstable_cache(read, key.map(String), { tags: [SITE_TAG, ...new Set(tags)] })()
}

const NOTHING = async () => null
/** Next keeps at most 128 tags on one cache entry. */
const TAGS_PER_ENTRY = 100

/**
 * Declares that the page being rendered shows data under `tags` that it did not read through
 * `cachedRead` (terms linked from its text, for example), so a change to them re-renders the page.
 */
export async function dependOn(tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return
  const unique = [...new Set(tags)].sort()
  const groups: string[][] = []
  for (let start = 0; start < unique.length; start += TAGS_PER_ENTRY)
    groups.push(unique.slice(start, start + TAGS_PER_ENTRY))
  await Promise.all(
    groups.map((group) => unstable_cache(NOTHING, ['depends-on', ...group], { tags: [SITE_TAG, ...group] })()),
  )
}
