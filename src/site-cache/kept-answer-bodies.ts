// The bodies of kept anonymous API answers (./anonymous-api-reads.ts), by digest: this process's copy, and
// Next's cache, which other app instances share when Redis holds it.
import { createHash } from 'node:crypto'

import { LRUCache } from 'lru-cache'
import { unstable_cache } from 'next/cache'

import { API_READS_TAG, SITE_TAG } from './cache-tags'

/** How many bytes of answer bodies this process keeps for replay (least recently served go first). */
const LOCAL_BODY_BYTES = 64 * 1024 * 1024

/** What the cache keeps under an address: the answer's status, the headers kept with it and the digest of its body. */
export type KeptAnswer = { status: number; contentType: string | null; headers: Record<string, string>; digest: string }
export type Answer = KeptAnswer & { body: Uint8Array<ArrayBuffer> }

/** Thrown inside a read of a shared body that this process cannot produce: nothing is stored. */
class BodyNotShared extends Error {
  constructor() {
    super('body not in the shared cache')
  }
}

/**
 * Bodies by digest, as bytes ready to send. Parsing a kept answer of half a megabyte out of the cache and
 * encoding it again cost more than everything else a cached read does; a body is immutable under its
 * digest, so the cache keeps only the small KeptAnswer per address and a hit replays these bytes.
 */
const localBodies = new LRUCache<string, Uint8Array<ArrayBuffer>>({
  maxSize: LOCAL_BODY_BYTES,
  sizeCalculation: (body) => Math.max(body.byteLength, 1),
})

export function digestOf(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('base64url')
}

/** Bodies this process is putting in the shared cache right now, by digest. */
const bodiesBeingShared = new Map<string, Uint8Array<ArrayBuffer>>()

/**
 * The body under a digest in Next's cache, which other app instances share when Redis holds it: an
 * instance that did not produce the answer reads it from there once. Writing and reading go through this
 * one function because Next keys an unstable_cache entry by the cached function's source as well.
 */
function sharedBody(digest: string): Promise<string> {
  return unstable_cache(
    async () => {
      const body = bodiesBeingShared.get(digest)
      if (!body) throw new BodyNotShared()
      return Buffer.from(body).toString('base64')
    },
    ['api-body', digest],
    { tags: [SITE_TAG, API_READS_TAG] },
  )()
}

export async function keepBody(answer: Answer): Promise<void> {
  localBodies.set(answer.digest, answer.body)
  bodiesBeingShared.set(answer.digest, answer.body)
  try {
    await sharedBody(answer.digest)
  } catch {
    // Other instances then produce the answer themselves; this one still has the bytes.
  } finally {
    bodiesBeingShared.delete(answer.digest)
  }
}

/** The body of a kept answer, or null when neither this process nor the shared cache still has it. */
export async function bodyOf(kept: KeptAnswer): Promise<Answer | null> {
  const local = localBodies.get(kept.digest)
  if (local) return { ...kept, body: local }
  try {
    const body = new Uint8Array(Buffer.from(await sharedBody(kept.digest), 'base64'))
    localBodies.set(kept.digest, body)
    return { ...kept, body }
  } catch {
    return null
  }
}
