// Staff roles, most powerful first, and the named groups rules are written in. The workflow builds on
// these lists; define roles and role groups nowhere else.
export const ROLES = ['admin', 'editor', 'reviewer', 'author'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  editor: 'Editor',
  reviewer: 'Reviewer',
  author: 'Author',
}

/** Everyone with an editorial role. */
export const STAFF_ROLES: readonly Role[] = ['author', 'reviewer', 'editor', 'admin']
/** Who reviews: request changes, approve, edit any document. */
export const REVIEWER_ROLES: readonly Role[] = ['reviewer', 'editor', 'admin']
/** Who changes what readers see: publish, unpublish, delete published history, schedule, restore. */
export const PUBLISHER_ROLES: readonly Role[] = ['editor', 'admin']

/** Content consumers' keys (src/collections/ApiClients): they sign requests, but are never staff. */
export const API_CLIENTS_COLLECTION = 'api-clients'

/**
 * Whether the caller is a staff account (any role), as opposed to anonymous or an API client's key.
 * Rules that let "anyone signed in" see drafts or their own account ask this, never `Boolean(req.user)`.
 * Payload names the collection of every user it authenticates; a user handed to the Local API by
 * server code is a staff account unless it says it is an API client.
 */
export function isStaffAccount(user: unknown): boolean {
  return (
    Boolean(user) &&
    typeof user === 'object' &&
    (user as { collection?: unknown }).collection !== API_CLIENTS_COLLECTION
  )
}

export function hasRole(user: unknown, ...roles: readonly Role[]): boolean {
  if (!user || typeof user !== 'object') return false
  const role = (user as { role?: unknown }).role
  return typeof role === 'string' && (roles as readonly string[]).includes(role)
}

/** The user's editorial role, or null for readers and accounts without one. */
export function roleOf(user: unknown): Role | null {
  return ROLES.find((role) => hasRole(user, role)) ?? null
}

/** A group for messages: `editors and admins`, `reviewers, editors and admins`. */
export function describeRoles(roles: readonly Role[]): string {
  const plural = ROLES.filter((role) => roles.includes(role))
    .reverse()
    .map((role) => `${role}s`)
  return plural.length > 1 ? `${plural.slice(0, -1).join(', ')} and ${plural.at(-1)}` : (plural[0] ?? 'nobody')
}
