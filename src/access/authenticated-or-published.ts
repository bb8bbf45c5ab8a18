import type { Access } from 'payload'

/**
 * Staff read everything; everyone else reads published documents only. Payload applies the returned
 * constraint to lists, single reads, counts, drafts (`?draft=true`) and relationship population alike.
 */
export const authenticatedOrPublished: Access = ({ req }) => {
  if (req.user) return true
  return { _status: { equals: 'published' } }
}
