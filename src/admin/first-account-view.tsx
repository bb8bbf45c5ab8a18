// Payload's "create first user" screen. In production the first account comes from the operator (see
// src/collections/Users/first-account.ts), so instead of a form the server would refuse, the screen says
// what to do. Elsewhere it is Payload's own form.
import { CreateFirstUserView } from '@payloadcms/next/views'
import type { AdminViewServerProps } from 'payload'

import { firstAccountNeedsOperator } from '@/collections/Users/first-account'
import { MIN_ADMIN_PASSWORD_LENGTH } from '@/collections/Users/operator-admin-settings'

export function FirstAccountView(props: AdminViewServerProps) {
  if (!firstAccountNeedsOperator()) return <CreateFirstUserView {...props} />
  return (
    <div className="create-first-user">
      <h1>No admin account yet</h1>
      <p>
        For safety, a production installation does not create its first account from this page. On the server, either:
      </p>
      <ul>
        <li>
          set <code>CLOUDLEX_ADMIN_EMAIL</code> and <code>CLOUDLEX_ADMIN_PASSWORD</code> (at least{' '}
          {MIN_ADMIN_PASSWORD_LENGTH} characters) in the environment and restart the app, or
        </li>
        <li>
          run <code>npm run create-admin -- --email you@example.com</code> and type the password when asked.
        </li>
      </ul>
      <p>Then reload this page to sign in.</p>
    </div>
  )
}
