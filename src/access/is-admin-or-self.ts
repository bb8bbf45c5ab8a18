import type { Access } from 'payload'

import { hasRole, isStaffAccount } from './roles'

/** Admins reach every user; other staff only their own account. */
export const isAdminOrSelf: Access = ({ req }) => {
  // An API client's id is not a user's id, even when the numbers match.
  const user = req.user
  if (!user || !isStaffAccount(user)) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
