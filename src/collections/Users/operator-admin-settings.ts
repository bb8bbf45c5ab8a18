// The operator's admin account from the environment (CLOUDLEX_ADMIN_EMAIL, CLOUDLEX_ADMIN_PASSWORD),
// checked without Payload so the server can refuse to start before it opens the database.
import type { Environment } from '../../config/environment'

export const MIN_ADMIN_PASSWORD_LENGTH = 12

export type AdminCredentials = { email: string; password: string }

// Deliberately loose: one @, something on each side, a dot in the domain. Payload checks it again.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Why `email` cannot be an admin's address, or null when it can. */
export function adminEmailProblem(email: string): string | null {
  return EMAIL_PATTERN.test(email) && email.length <= 254 ? null : `"${email.slice(0, 80)}" is not an email address`
}

/** Why `password` cannot be an admin's password, or null when it can. Never repeats the password. */
export function adminPasswordProblem(password: string): string | null {
  return password.length >= MIN_ADMIN_PASSWORD_LENGTH
    ? null
    : `the password is shorter than ${MIN_ADMIN_PASSWORD_LENGTH} characters`
}

/**
 * The admin to create on first start, or null when neither variable is set. Throws when only one is
 * set or either is invalid: a server that was told to create an admin must not start without one.
 */
export function readOperatorAdmin(env: Environment = process.env): AdminCredentials | null {
  const email = env.CLOUDLEX_ADMIN_EMAIL?.trim() ?? ''
  const password = env.CLOUDLEX_ADMIN_PASSWORD ?? ''
  if (!email && !password) return null
  if (!email || !password) {
    throw new Error('Set both CLOUDLEX_ADMIN_EMAIL and CLOUDLEX_ADMIN_PASSWORD to create the first admin, or neither.')
  }
  const problem = adminEmailProblem(email) ?? adminPasswordProblem(password)
  if (problem) throw new Error(`CLOUDLEX_ADMIN_EMAIL / CLOUDLEX_ADMIN_PASSWORD: ${problem}.`)
  return { email: email.toLowerCase(), password }
}
