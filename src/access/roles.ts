// Staff roles, most powerful first. The workflow builds on this list; define roles nowhere else.
export const ROLES = ['admin', 'editor', 'reviewer', 'author'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  editor: 'Editor',
  reviewer: 'Reviewer',
  author: 'Author',
}

export function hasRole(user: unknown, ...roles: Role[]): boolean {
  if (!user || typeof user !== 'object') return false
  const role = (user as { role?: unknown }).role
  return typeof role === 'string' && (roles as string[]).includes(role)
}

/** Everyone with a staff account, whatever the role: what only the editorial team may read. */
export const STAFF_ROLES: readonly Role[] = ROLES
