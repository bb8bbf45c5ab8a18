// Field-level read access for what only the editorial team may see (review stages, assignees, the review
// thread, import leftovers). Payload applies it on every surface: the field is left out of REST, GraphQL
// and Local API answers, populated relationships included, and anonymous `where`/`sort` on it is refused.
import type { FieldAccess } from 'payload'

import { hasRole, STAFF_ROLES } from './roles'

export const staffOnlyField: FieldAccess = ({ req }) => hasRole(req.user, ...STAFF_ROLES)
