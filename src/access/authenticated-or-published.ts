import type { Access } from 'payload'

import { isStaffAccount } from './roles'

/**
 * Staff read everything; everyone else (API clients' keys included) reads published documents only. Payload
 * applies the returned constraint to lists, single reads, counts, drafts (`?draft=true`) and relationship
 * population alike.
 */
export const authenticatedOrPublished: Access = ({ req }) => {
  if (isStaffAccount(req.user)) return true
  return { _status: { equals: 'published' } }
}
