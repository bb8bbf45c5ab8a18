// The content-changes log and the webhook delivery log grow with every change; rows older than their
// retention (CLOUDLEX_CHANGE_LOG_RETENTION_DAYS, CLOUDLEX_WEBHOOK_DELIVERY_RETENTION_DAYS, at least a
// day) are deleted a bounded batch at a time by each server's job poll.
//
// Readers must not take a pruned log for "nothing changed". The log is pruned in creation order and its
// newest row is always kept, so:
// - a cache reader that last looked at the log less than a day ago missed nothing; one that looked longer
//   ago (a process suspended that long) treats everything as changed (./change-log.ts);
// - a change-feed cursor past a row that still exists missed nothing; one whose row is gone may have, and
//   is refused with 410 so the consumer starts again from a snapshot (src/api-v1/change-feed.ts).
import type { Payload, Where } from 'payload'

import { PRUNE_FLOOR_MS } from '@/config/change-log-bounds'
import { readLogRetentionSettings, type LogRetentionSettings } from '@/config/env'

import { readFirstChange } from './change-log'

/** Rows deleted per statement, and statements per run at most: a longer backlog is left to the following runs. */
export type PruneBatches = { size: number; perRun: number }
const PRUNE_BATCHES: PruneBatches = { size: 500, perRun: 20 }

type PrunedLog = { deleted: number; more: boolean }

async function pruneOldest(
  payload: Payload,
  collection: 'content-changes' | 'webhook-deliveries',
  where: Where,
  batches: PruneBatches,
): Promise<PrunedLog> {
  let deleted = 0
  for (let batch = 0; batch < batches.perRun; batch += 1) {
    const { docs } = await payload.find({
      collection,
      where,
      sort: 'createdAt',
      limit: batches.size,
      pagination: false,
      depth: 0,
      select: { createdAt: true },
      overrideAccess: true,
    })
    if (docs.length === 0) return { deleted, more: false }
    await payload.db.deleteMany({ collection, where: { id: { in: docs.map(({ id }) => id) } } })
    deleted += docs.length
    if (docs.length < batches.size) return { deleted, more: false }
  }
  return { deleted, more: true }
}

/** When rows kept for `retentionMs` (never less than PRUNE_FLOOR_MS) before `now` start: older ones go. */
const retentionCutoff = (now: Date, retentionMs: number) =>
  new Date(now.getTime() - Math.max(retentionMs, PRUNE_FLOOR_MS)).toISOString()

/** Deletes rows of the change log created before `now - retention`, except the newest row. */
export async function pruneChangeLog(
  payload: Payload,
  retentionMs: number,
  now = new Date(),
  batches = PRUNE_BATCHES,
): Promise<PrunedLog> {
  const before = retentionCutoff(now, retentionMs)
  const newest = (await readFirstChange(payload, ['-createdAt', '-id']))?.id
  const conditions: Where[] = [{ createdAt: { less_than: before } }]
  if (newest !== undefined) conditions.push({ id: { not_equals: newest } })
  return pruneOldest(payload, 'content-changes', { and: conditions }, batches)
}

/** Deletes deliveries created before `now - retention` that were delivered or gave up; a pending one stays. */
export async function pruneFinishedDeliveries(
  payload: Payload,
  retentionMs: number,
  now = new Date(),
  batches = PRUNE_BATCHES,
): Promise<PrunedLog> {
  const before = retentionCutoff(now, retentionMs)
  return pruneOldest(
    payload,
    'webhook-deliveries',
    { and: [{ createdAt: { less_than: before } }, { status: { in: ['delivered', 'failed'] } }] },
    batches,
  )
}

export type LogPruning = { changeLog: PrunedLog; finishedDeliveries: PrunedLog }

export async function pruneLogs(
  payload: Payload,
  settings: LogRetentionSettings = readLogRetentionSettings(),
  now = new Date(),
): Promise<LogPruning> {
  return {
    changeLog: await pruneChangeLog(payload, settings.changeLogMs, now),
    finishedDeliveries: await pruneFinishedDeliveries(payload, settings.finishedDeliveriesMs, now),
  }
}

/** Between two runs when the last one left nothing behind; instances prune independently, and harmlessly. */
const PRUNE_INTERVAL_MS = 3_600_000
/** The database may be briefly away: try again soon, but not at every poll. */
const RETRY_AFTER_FAILURE_MS = 60_000
const PRUNING_KEY = Symbol.for('cloudlex.log-pruning')
type PruningState = { nextAt: number; running: boolean }

/**
 * Prunes the logs if this process has not done so within the hour (sooner while a backlog remains).
 * Called by the server's job poll; returns the run, or null when it is not due or already running.
 */
export function startLogPruningIfDue(payload: Payload, now = Date.now()): Promise<LogPruning> | null {
  const global = globalThis as { [PRUNING_KEY]?: PruningState }
  const state = (global[PRUNING_KEY] ??= { nextAt: 0, running: false })
  if (state.running || now < state.nextAt) return null
  state.running = true
  return pruneLogs(payload)
    .then(
      (pruned) => {
        const backlog = pruned.changeLog.more || pruned.finishedDeliveries.more
        state.nextAt = Date.now() + (backlog ? 0 : PRUNE_INTERVAL_MS)
        return pruned
      },
      (error: unknown) => {
        state.nextAt = Date.now() + RETRY_AFTER_FAILURE_MS
        throw error
      },
    )
    .finally(() => {
      state.running = false
    })
}
