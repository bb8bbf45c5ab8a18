// Secrets and settings read from the environment, with the errors a person can act on.
import { OVERLAP_MS, PRUNE_FLOOR_MS } from './change-log-bounds'

export function readPayloadSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.PAYLOAD_SECRET?.trim()
  if (secret) {
    if (env.NODE_ENV === 'production' && secret.length < 32) {
      throw new Error('PAYLOAD_SECRET must be at least 32 characters in production (try: openssl rand -hex 32).')
    }
    return secret
  }
  throw new Error(
    'PAYLOAD_SECRET is not set. Run `npm run setup` to write a .env with a random secret, or export PAYLOAD_SECRET.',
  )
}

/** Settings of the v1 change feed (src/api-v1/change-feed.ts) and its event stream. */
export type ChangeFeedSettings = {
  /** How old a row of the change log must be before the feed lists it. */
  settleMs: number
  /** How long one event stream stays open before it closes itself (the client reconnects). */
  streamLifetimeMs: number
  /** How many event streams one instance holds open at once. */
  maxStreams: number
}

/** The default settle delay is the change log's own bound on how late a row commits (./change-log-bounds.ts). */
export const CHANGE_FEED_DEFAULTS = { settleMs: OVERLAP_MS, streamLifetimeSeconds: 300, maxStreams: 100 } as const

function wholeNumber(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
): number {
  const text = env[name]?.trim()
  if (!text) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min} (default ${fallback}); got "${text}".`)
  }
  return value
}

export function readChangeFeedSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ChangeFeedSettings {
  return {
    settleMs: wholeNumber(env, 'CLOUDLEX_CHANGE_FEED_SETTLE_MS', CHANGE_FEED_DEFAULTS.settleMs, 0),
    streamLifetimeMs:
      wholeNumber(env, 'CLOUDLEX_CHANGE_FEED_STREAM_LIFETIME_SECONDS', CHANGE_FEED_DEFAULTS.streamLifetimeSeconds, 1) *
      1000,
    maxStreams: wholeNumber(env, 'CLOUDLEX_CHANGE_FEED_MAX_STREAMS', CHANGE_FEED_DEFAULTS.maxStreams, 0),
  }
}

/** Settings of outgoing webhooks (src/webhooks). */
export type WebhookSettings = {
  /** Retries after a failed first attempt; the last failure marks the delivery failed. */
  retryAttempts: number
  /** The wait before the first retry; each further retry waits twice as long as the one before. */
  retryDelayMs: number
  /** How long one attempt may take, from connecting to the end of the answer. */
  timeoutMs: number
  /** How long the secret a rotation replaced still signs deliveries, beside the new one. */
  secretOverlapMs: number
  /** Lets deliveries go to private, loopback and other non-public addresses (tests, closed networks). */
  allowPrivateAddresses: boolean
}

export const WEBHOOK_DEFAULTS = {
  retryAttempts: 8,
  retryDelayMs: 30_000,
  timeoutSeconds: 10,
  secretOverlapHours: 24,
} as const

function flag(env: Readonly<Record<string, string | undefined>>, name: string): boolean {
  const text = env[name]?.trim()
  if (!text || text === '0') return false
  if (text === '1') return true
  throw new Error(`${name} must be 1 or 0 (default 0); got "${text}".`)
}

export function readWebhookSettings(env: Readonly<Record<string, string | undefined>> = process.env): WebhookSettings {
  return {
    retryAttempts: wholeNumber(env, 'CLOUDLEX_WEBHOOKS_RETRY_ATTEMPTS', WEBHOOK_DEFAULTS.retryAttempts, 0),
    retryDelayMs: wholeNumber(env, 'CLOUDLEX_WEBHOOKS_RETRY_DELAY_MS', WEBHOOK_DEFAULTS.retryDelayMs, 1),
    timeoutMs: wholeNumber(env, 'CLOUDLEX_WEBHOOKS_TIMEOUT_MS', WEBHOOK_DEFAULTS.timeoutSeconds * 1000, 1),
    secretOverlapMs:
      wholeNumber(env, 'CLOUDLEX_WEBHOOKS_SECRET_OVERLAP_HOURS', WEBHOOK_DEFAULTS.secretOverlapHours, 0) * 3_600_000,
    allowPrivateAddresses: flag(env, 'CLOUDLEX_WEBHOOKS_ALLOW_PRIVATE'),
  }
}

/** How long the logs that grow with every change keep their rows (src/site-cache/log-retention.ts). */
export type LogRetentionSettings = {
  /** Rows of the content-changes log: the change feed can resume from a cursor this old. */
  changeLogMs: number
  /** Webhook deliveries that were delivered or gave up; pending ones are never pruned. */
  finishedDeliveriesMs: number
}

export const LOG_RETENTION_DEFAULTS = { changeLogDays: 30, finishedDeliveriesDays: 30 } as const
const DAY_MS = 86_400_000
/** No log is pruned younger than this: every reader of the change log relies on it. */
const MIN_RETENTION_DAYS = PRUNE_FLOOR_MS / DAY_MS

export function readLogRetentionSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): LogRetentionSettings {
  return {
    changeLogMs:
      wholeNumber(env, 'CLOUDLEX_CHANGE_LOG_RETENTION_DAYS', LOG_RETENTION_DEFAULTS.changeLogDays, MIN_RETENTION_DAYS) *
      DAY_MS,
    finishedDeliveriesMs:
      wholeNumber(
        env,
        'CLOUDLEX_WEBHOOK_DELIVERY_RETENTION_DAYS',
        LOG_RETENTION_DEFAULTS.finishedDeliveriesDays,
        MIN_RETENTION_DAYS,
      ) * DAY_MS,
  }
}
