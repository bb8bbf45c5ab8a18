// Who may create the installation's first account. In development the first account becomes the admin
// (the demo admin, or whoever registers). In production the site may be reachable before anyone has
// signed in, so the first account comes from the operator only: CLOUDLEX_ADMIN_EMAIL and
// CLOUDLEX_ADMIN_PASSWORD on start, or `npm run create-admin`. Those paths mark their request context.
import type { Environment } from '../../config/environment'

/** Set in `context` by the operator's paths to create the first admin in production. */
export const OPERATOR_CREATES_ADMIN = 'cloudlexOperatorCreatesAdmin'

export function firstAccountNeedsOperator(env: Environment = process.env): boolean {
  return env.NODE_ENV === 'production'
}

export const FIRST_ACCOUNT_FROM_OPERATOR =
  'This installation has no account yet, and in production the first one is not created from the web. ' +
  'The operator creates the admin: set CLOUDLEX_ADMIN_EMAIL and CLOUDLEX_ADMIN_PASSWORD (at least 12 characters) ' +
  'and restart the server, or run `npm run create-admin -- --email <address>` on the server.'
