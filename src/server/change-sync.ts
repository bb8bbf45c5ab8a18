// Asks the app, about once a second, to expire what the changes recorded since its last look make stale
// (src/site-cache/revalidate-changes.ts). It runs in the app through an internal request because Next
// expires cache tags only inside a request; each process has its own secret for it.
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'

import { INTERNAL_TOKEN_ENV, INTERNAL_TOKEN_HEADER, REVALIDATE_CHANGES_PATH } from '../site-cache/internal-request'

export const CHANGE_SYNC_INTERVAL_MS = 1_000

export function ensureInternalToken(): string {
  return (process.env[INTERNAL_TOKEN_ENV] ||= randomBytes(32).toString('hex'))
}

/** A request on a connection of its own, closed after it: a kept-alive one would hold up a graceful stop. */
function postInternal(url: URL, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent: false, headers: { [INTERNAL_TOKEN_HEADER]: token }, timeout: 10_000 }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')))
    outgoing.on('error', reject)
    outgoing.end()
  })
}

export function startChangeSync(origin: string, token: string): () => void {
  let running = false
  let failures = 0
  const sync = async () => {
    if (running) return
    running = true
    try {
      const status = await postInternal(new URL(REVALIDATE_CHANGES_PATH, origin), token)
      if (status !== 200) throw new Error(`answered ${status}`)
      failures = 0
    } catch (error) {
      // Said once per run of failures: the database may be briefly away, and the next tick retries.
      if (failures === 0) console.error(`Cache sync with the content-changes log failed: ${error instanceof Error ? error.message : String(error)}`)
      failures += 1
    } finally {
      running = false
    }
  }
  void sync()
  const timer = setInterval(() => void sync(), CHANGE_SYNC_INTERVAL_MS)
  return () => clearInterval(timer)
}
