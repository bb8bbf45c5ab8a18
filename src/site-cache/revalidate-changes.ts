// Keeps this process's page and data caches in step with the content-changes log: each call reads the
// rows recorded since the previous call and expires exactly the tags they name. The first call of a
// process expires everything, since pages cached before it started (in a build, or by an earlier run)
// may predate changes it never saw. The server calls this about once a second (src/server/server.ts).
import type { Payload } from 'payload'

import { API_READS_TAG, SITE_TAG } from './cache-tags'
import { readChangesSince, type ChangeCursor } from './change-log'

export type RevalidationReport = { expiredEverything: boolean; tags: number; rows: number }

let cursor: ChangeCursor | null = null

export async function revalidateRecordedChanges(
  payload: Payload,
  expireTag: (tag: string) => void,
): Promise<RevalidationReport> {
  const read = await readChangesSince(payload, cursor)
  if (read.kind === 'changes') {
    for (const tag of read.tags) expireTag(tag)
    if (read.rows > 0) expireTag(API_READS_TAG)
  } else {
    expireTag(SITE_TAG)
  }
  cursor = read.cursor
  return {
    expiredEverything: read.kind !== 'changes',
    tags: read.kind === 'changes' ? read.tags.length : 0,
    rows: read.kind === 'start' ? 0 : read.rows,
  }
}
