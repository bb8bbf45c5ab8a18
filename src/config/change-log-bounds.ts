// The change log's timing bounds (src/site-cache/change-log.ts): how late a row may commit and how old a row
// must be before it is pruned. Here so the settings read from the environment can default to them.
/**
 * A row committed later than this after it was created could be missed (no write here takes so long).
 * The same margin again is allowed for a writer's clock running behind the reader's.
 */
export const OVERLAP_MS = 10_000
/**
 * Rows are pruned only when older than this (src/site-cache/log-retention.ts): a reader whose window starts later has
 * missed none; one whose window starts earlier (a process suspended that long) treats everything as changed.
 */
export const PRUNE_FLOOR_MS = 86_400_000
