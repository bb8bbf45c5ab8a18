// Scheduled jobs run once across several app instances, and a job whose instance died is taken over.
//
// Payload's runner (3.90) claims due jobs by reading them and then marking them `processing` in separate
// steps, outside any transaction: two instances polling together can both claim, and run, the same job.
// A job marked `processing` by an instance that then died stays so, and no runner picks it up again.
// So each instance first leases due jobs in one transaction (SQLite lets one writer in at a time;
// MongoDB aborts the second of two transactions that write the same job), then lets Payload run only
// the jobs it holds the lease of. A lease runs out after CLOUDLEX_JOB_LEASE_SECONDS unless its holder,
// still running the job, renews it; a job under an expired lease is leased again, and run from its start.
import os from 'node:os'
import { randomUUID } from 'node:crypto'

import type { Field, Payload, PayloadRequest, Where } from 'payload'

import type { Environment } from '@/config/environment'

/** The one queue Cloudlex's jobs (scheduled publishes, unpublishes and releases) go to. */
export const JOBS_QUEUE = 'default'
export const LEASE_OWNER_FIELD = 'leaseOwner'
export const LEASE_EXPIRES_FIELD = 'leaseExpiresAt'
const JOBS_COLLECTION = 'payload-jobs'

const DEFAULT_LEASE_SECONDS = 300
/** Jobs leased and run per poll; the rest wait for the next poll. */
const JOBS_PER_RUN = 10

export const leaseFields: Field[] = [
  {
    name: LEASE_OWNER_FIELD,
    type: 'text',
    index: true,
    admin: { readOnly: true, description: 'The app instance running this job.' },
  },
  {
    name: LEASE_EXPIRES_FIELD,
    type: 'date',
    index: true,
    admin: { readOnly: true, description: 'Another instance may take the job over after this time.' },
  },
]

/** How long a lease lasts; CLOUDLEX_JOB_LEASE_SECONDS, a whole number of seconds, 300 by default. */
export function readLeaseSeconds(env: Environment = process.env): number {
  const setting = env.CLOUDLEX_JOB_LEASE_SECONDS?.trim()
  if (!setting) return DEFAULT_LEASE_SECONDS
  const seconds = Number(setting)
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new Error(`CLOUDLEX_JOB_LEASE_SECONDS must be a whole number of seconds (1 or more); got "${setting}"`)
  }
  return seconds
}

const OWNER_KEY = Symbol.for('cloudlex.job-lease-owner')
/** This process's name in leases; the same in every bundle of the app that asks. */
export function leaseOwnerOfThisProcess(): string {
  const global = globalThis as { [OWNER_KEY]?: string }
  global[OWNER_KEY] ??= `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`
  return global[OWNER_KEY]
}

function dueJobsWithoutLiveLease(now: Date): Where {
  return {
    and: [
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
      { queue: { equals: JOBS_QUEUE } },
      { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: now.toISOString() } }] },
      { or: [{ [LEASE_OWNER_FIELD]: { exists: false } }, { [LEASE_EXPIRES_FIELD]: { less_than: now.toISOString() } }] },
    ],
  }
}

/**
 * Leases up to `limit` due jobs that nobody holds a live lease on to `owner`, in one transaction.
 * A job taken over from an expired lease is no longer `processing`, so that Payload's runner runs it.
 * Returns the ids leased; a transaction that lost a race to another instance leases nothing.
 */
export async function leaseDueJobs(
  payload: Payload,
  owner: string,
  { leaseSeconds, limit = JOBS_PER_RUN, now = new Date() }: { leaseSeconds: number; limit?: number; now?: Date },
): Promise<(string | number)[]> {
  const transactionID = await payload.db.beginTransaction()
  const req: Partial<PayloadRequest> = { transactionID: transactionID ?? undefined }
  try {
    const { docs } = await payload.db.find({
      collection: JOBS_COLLECTION,
      where: dueJobsWithoutLiveLease(now),
      sort: 'createdAt',
      limit,
      pagination: false,
      req,
    })
    const expiresAt = new Date(now.getTime() + leaseSeconds * 1000).toISOString()
    for (const job of docs) {
      await payload.db.updateOne({
        collection: JOBS_COLLECTION,
        id: job.id,
        data: { [LEASE_OWNER_FIELD]: owner, [LEASE_EXPIRES_FIELD]: expiresAt, processing: false },
        req,
        returning: false,
      })
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
    return docs.map((job) => job.id)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}

/** Pushes back the expiry of every unfinished job `owner` holds, while it is still running them. */
export async function renewLeases(
  payload: Payload,
  owner: string,
  leaseSeconds: number,
  now = new Date(),
): Promise<void> {
  await payload.db.updateMany({
    collection: JOBS_COLLECTION,
    where: { and: [{ [LEASE_OWNER_FIELD]: { equals: owner } }, { completedAt: { exists: false } }] },
    data: { [LEASE_EXPIRES_FIELD]: new Date(now.getTime() + leaseSeconds * 1000).toISOString() },
    returning: false,
  })
}

export type LeasedRun = { leased: (string | number)[] }

/**
 * One poll of this instance: lease due jobs, then run the jobs it holds (those just leased, and its
 * earlier ones waiting for a retry) with Payload's runner, renewing the leases while they run.
 */
export async function runLeasedJobs(payload: Payload, owner: string, leaseSeconds: number): Promise<LeasedRun> {
  const leased = await leaseDueJobs(payload, owner, { leaseSeconds })
  const renewal = setInterval(
    () =>
      void renewLeases(payload, owner, leaseSeconds).catch((error: unknown) =>
        payload.logger.error({ err: error, msg: 'Could not renew job leases' }),
      ),
    (leaseSeconds * 1000) / 3,
  )
  try {
    await payload.jobs.run({
      queue: JOBS_QUEUE,
      limit: JOBS_PER_RUN,
      where: { [LEASE_OWNER_FIELD]: { equals: owner } },
      overrideAccess: true,
    })
  } finally {
    clearInterval(renewal)
  }
  return { leased }
}

const RUNNING_KEY = Symbol.for('cloudlex.job-run-in-progress')

type RunningJobs = { [RUNNING_KEY]?: Promise<LeasedRun> | null }

/**
 * The poll of this process still running its jobs, if any. The server waits for it when it stops; it
 * runs inside the app's bundles, so the two meet through a global symbol.
 */
export function jobRunInProgress(): Promise<LeasedRun> | null {
  return (globalThis as RunningJobs)[RUNNING_KEY] ?? null
}

/** Starts a poll unless one is still running in this process; says whether it started one. */
export function startLeasedJobRun(payload: Payload, env: Environment = process.env): Promise<LeasedRun> | null {
  const global = globalThis as RunningJobs
  if (global[RUNNING_KEY]) return null
  const run = runLeasedJobs(payload, leaseOwnerOfThisProcess(), readLeaseSeconds(env)).finally(() => {
    global[RUNNING_KEY] = null
  })
  global[RUNNING_KEY] = run
  return run
}
