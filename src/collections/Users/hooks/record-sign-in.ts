import type { CollectionAfterLoginHook, CollectionAfterLogoutHook } from 'payload'

import { actorOf, recordAuditEntry } from '@/audit/record-audit-entry'
import type { User } from '@/payload-types'

// Both run inside the login or logout transaction: a sign-in that cannot be recorded does not happen.

export const recordLogin: CollectionAfterLoginHook<User> = async ({ collection, req, user }) => {
  await recordAuditEntry(req, {
    action: 'login',
    actor: actorOf(user),
    targetCollection: collection.slug,
    targetId: user.id,
    targetTitle: user.email,
  })
}

export const recordLogout: CollectionAfterLogoutHook = async ({ collection, req }) => {
  await recordAuditEntry(req, {
    action: 'logout',
    targetCollection: collection.slug,
    targetId: req.user?.id,
    targetTitle: req.user && 'email' in req.user ? req.user.email : undefined,
  })
}
