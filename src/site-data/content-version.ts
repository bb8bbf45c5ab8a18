// Which version of the published content the site is at: the newest row of the content-changes log
// (src/site-cache/record-content-change.ts), which every change readers can see writes. Downloads that
// are produced on the fly name their version with it, so a client holding the same version gets a 304.
import type { Payload } from 'payload'

import { readFirstChange } from '@/site-cache/change-log'

/** The newest change as "<id>@<time>", or "none" for a database no change was ever recorded in. */
export async function readContentVersion(payload: Payload): Promise<string> {
  const newest = await readFirstChange(payload, '-createdAt')
  return newest ? `${newest.id}@${newest.createdAt}` : 'none'
}
