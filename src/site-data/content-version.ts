// Which version of the published content the site is at: the newest row of the content-changes log
// (src/site-cache/record-content-change.ts), which every change readers can see writes. Downloads that
// are produced on the fly name their version with it, so a client holding the same version gets a 304.
import type { Payload } from 'payload'

/** The newest change as "<id>@<time>", or "none" for a database no change was ever recorded in. */
export async function readContentVersion(payload: Payload): Promise<string> {
  const { docs } = await payload.find({
    collection: 'content-changes',
    sort: '-createdAt',
    limit: 1,
    pagination: false,
    depth: 0,
    select: { createdAt: true },
    // The log is nobody's to read over the API; the server reads it for its own bookkeeping.
    overrideAccess: true,
  })
  const newest = docs[0]
  return newest ? `${newest.id}@${newest.createdAt}` : 'none'
}
