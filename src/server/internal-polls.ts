// Work the server asks its own app to do at intervals, through internal requests (Next expires cache tags
// only inside a request, and the app's Payload lives in its bundles). Each process has its own secret
// for them: anyone else gets a 404.
// - About once a second, expire what the changes recorded since the last look make stale
//   (src/site-cache/revalidate-changes.ts).
// - Every 10 s, lease and run the scheduled jobs that are due (src/jobs/job-leases.ts), unless
//   CLOUDLEX_JOBS=off.
// - Once, at start, read the published glossary into the term directory (src/site-data/site-directory.ts).
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'

import {
  INTERNAL_TOKEN_ENV,
  INTERNAL_TOKEN_HEADER,
  REVALIDATE_CHANGES_PATH,
  RUN_DUE_JOBS_PATH,
  WARM_TERM_DIRECTORY_PATH,
} from '../site-cache/internal-request'

export const CHANGE_SYNC_INTERVAL_MS = 1_000
/** A scheduled publish happens within this delay of its time. */
export const JOB_POLL_INTERVAL_MS = 10_000

export function ensureInternalToken(): string {
  return (process.env[INTERNAL_TOKEN_ENV] ||= randomBytes(32).toString('hex'))
}

/** The longest the warm-up may take: reading 100,000 terms takes about a minute on a 2-core machine. */
const WARM_UP_TIMEOUT_MS = 600_000

type InternalAnswer = { status: number; body: string }

/** A request on a connection of its own, closed after it: a kept-alive one would hold up a graceful stop. */
function postInternal(url: URL, token: string, timeoutMs = 10_000): Promise<InternalAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', agent: false, headers: { [INTERNAL_TOKEN_HEADER]: token }, timeout: timeoutMs },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body = (body + chunk).slice(0, 4_096)))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')))
    outgoing.on('error', reject)
    outgoing.end()
  })
}

type InternalPoll = {
  path: string
  intervalMs: number
  failure: string
  onFirstSuccess?: () => void
  onAnswer?: (body: string) => void
}

function startInternalPoll(
  origin: string,
  token: string,
  { path, intervalMs, failure, onFirstSuccess, onAnswer }: InternalPoll,
): () => void {
  let succeeded = false
  let running = false
  let failures = 0
  const poll = async () => {
    if (running) return
    running = true
    try {
      const { status, body } = await postInternal(new URL(path, origin), token)
      if (status < 200 || status > 299) throw new Error(`answered ${status}`)
      onAnswer?.(body)
      failures = 0
      if (!succeeded) {
        succeeded = true
        onFirstSuccess?.()
      }
    } catch (error) {
      // Said once per run of failures: the database may be briefly away, and the next tick retries.
      if (failures === 0) console.error(`${failure}: ${error instanceof Error ? error.message : String(error)}`)
      failures += 1
    } finally {
      running = false
    }
  }
  void poll()
  const timer = setInterval(() => void poll(), intervalMs)
  return () => clearInterval(timer)
}

/** What a look at the change log did (src/site-cache/revalidate-changes.ts). */
type ChangeSyncReport = { expiredEverything: boolean; rows: number }

/**
 * `onFirstSuccess` is called once a look at the log has succeeded for the first time; `onChange` after
 * each look that found a change, once the app has expired what it made stale.
 */
export function startChangeSync(
  origin: string,
  token: string,
  { onFirstSuccess, onChange }: { onFirstSuccess?: () => void; onChange?: () => void } = {},
): () => void {
  return startInternalPoll(origin, token, {
    path: REVALIDATE_CHANGES_PATH,
    intervalMs: CHANGE_SYNC_INTERVAL_MS,
    failure: 'Cache sync with the content-changes log failed',
    onFirstSuccess,
    onAnswer: (body) => {
      const report = JSON.parse(body) as ChangeSyncReport
      if (report.expiredEverything || report.rows > 0) onChange?.()
    },
  })
}

export function startJobPolling(origin: string, token: string): () => void {
  return startInternalPoll(origin, token, {
    path: RUN_DUE_JOBS_PATH,
    intervalMs: JOB_POLL_INTERVAL_MS,
    failure: 'Running due jobs failed',
  })
}

/** Reads the glossary into the term directory once, and says when it is done (or why not: pages then read it). */
export async function warmTermDirectory(origin: string, token: string): Promise<void> {
  const startedAt = performance.now()
  try {
    const { status, body } = await postInternal(new URL(WARM_TERM_DIRECTORY_PATH, origin), token, WARM_UP_TIMEOUT_MS)
    if (status !== 200) throw new Error(`answered ${status}`)
    const { terms } = JSON.parse(body) as { terms: number }
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1)
    process.stdout.write(
      `Term directory ready: ${terms.toLocaleString('en-US')} published terms read in ${seconds} s\n`,
    )
  } catch (error) {
    console.error(
      `Reading the term directory at start failed (the first page that needs it reads it): ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}
