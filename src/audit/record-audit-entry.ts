// Writes one audit-log entry for something that happened in a request: who (the signed-in user, the
// user behind an API key, or the system), from where, and what.
import type { PayloadRequest } from 'payload'

import { isStaffAccount } from '@/access/roles'
import { writeLogRow } from '@/db/log-rows'
import { clientAddressOf } from '@/http/client-address-header'

import type { ActorType, AuditAction } from './audit-actions'

export type AuditActor = { type: ActorType; userId?: string; label: string }

export type AuditEntry = {
  action: AuditAction
  targetCollection?: string
  targetId?: string | number
  targetTitle?: string | null
  changedFields?: string[]
  note?: string | null
  /** Who acted, when it is not whoever `req` is signed in as (a failed login has no one). */
  actor?: AuditActor
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system', label: 'system' }

// The address is the one the Cloudlex server worked out (src/server), never a header the client chose.

// Headers and titles come from the client; keep a hostile value from bloating the log.
const MAX_TEXT_LENGTH = 512

function clip(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed.slice(0, MAX_TEXT_LENGTH) : undefined
}

/** The actor of a request. Payload's API-key strategy marks the user it finds with `_strategy: 'api-key'`. */
export function actorOf(user: PayloadRequest['user']): AuditActor {
  if (!user) return SYSTEM_ACTOR
  const strategy = (user as { _strategy?: unknown })._strategy
  return {
    type: strategy === 'api-key' ? 'api-key' : 'user',
    // The entry's actor links to a staff account; an API client is named by its label alone.
    userId: isStaffAccount(user) ? String(user.id) : undefined,
    // A staff account is named by its email, an API client by its name.
    label:
      'email' in user && user.email
        ? user.email
        : 'name' in user && typeof user.name === 'string' && user.name
          ? user.name
          : String(user.id),
  }
}

/**
 * Records `entry` inside the transaction of `req`, so the entry and the change it describes are
 * committed together or not at all: if the entry cannot be written, the operation fails.
 *
 * `separateTransaction` is for events whose own operation has already failed (a refused login): its
 * transaction, if any, is being thrown away, so the entry is committed on its own.
 */
export async function recordAuditEntry(
  req: PayloadRequest,
  entry: AuditEntry,
  { separateTransaction = false }: { separateTransaction?: boolean } = {},
): Promise<void> {
  const actor = entry.actor ?? actorOf(req.user)
  const now = new Date().toISOString()
  // Straight to the database adapter: the audit log has no hooks, no one's access applies (entries are
  // written by the server) and the caller needs nothing back, so Payload's create operation (validation,
  // hooks, a read of the new row) would only add cost to every write it records.
  await writeLogRow(
    req,
    'audit-log',
    {
      createdAt: now,
      updatedAt: now,
      action: entry.action,
      actorType: actor.type,
      actor: actor.userId ?? null,
      actorLabel: clip(actor.label) ?? actor.type,
      ip: clientAddressOf(req.headers),
      userAgent: clip(req.headers?.get('user-agent')),
      targetCollection: entry.targetCollection,
      targetId: entry.targetId === undefined ? undefined : String(entry.targetId),
      targetTitle: clip(entry.targetTitle),
      changedFields: entry.changedFields?.length ? entry.changedFields : undefined,
      note: entry.note ?? undefined,
    },
    { ownTransaction: separateTransaction },
  )
}
