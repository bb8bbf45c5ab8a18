import type { CollectionConfig } from 'payload'

import { authCookies } from '@/access/auth-cookies'
import { isStaff } from '@/access/content-access'
import { isAdmin, isAdminField } from '@/access/is-admin'
import { isAdminOrSelf } from '@/access/is-admin-or-self'
import { isStaffAccount, ROLE_LABELS, ROLES } from '@/access/roles'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { ACCOUNT_LOCKOUT_ATTEMPTS } from '@/rate-limit/limits'

import { makeFirstUserAdmin } from './hooks/make-first-user-admin'
import { forgiveLoginFailures, limitAuthRequests } from './hooks/limit-auth-requests'
import { recordFailedRestLogin } from './hooks/record-failed-login'
import { recordLogin, recordLogout } from './hooks/record-sign-in'
import { noEmailVerification } from './no-email-verification'

// The password and its hash are never named or stored in the audit log (see src/audit/changed-fields.ts).
const audit = auditCollectionHooks({ titleField: 'email' })

export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    useAPIKey: true,
    maxLoginAttempts: ACCOUNT_LOCKOUT_ATTEMPTS,
    lockTime: 10 * 60 * 1000,
    // Payload's own spacing of reset emails writes outside the request's transaction while that
    // transaction holds SQLite's single write turn (src/db/serialize-sqlite-writes.ts), so every request
    // waited 30 s and failed. The forgotPasswordByAccount rate limit spaces the emails instead.
    forgotPassword: { minRequestInterval: 0 },
    cookies: authCookies(),
  },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role'], enableListViewSelectAPI: true },
  endpoints: [noEmailVerification],
  access: {
    admin: ({ req }) => isStaffAccount(req.user),
    // Staff see each other to assign reviewers and read review threads; only admins change accounts.
    read: isStaff,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Payload lets any signed-in user unlock any account by default; lifting a lockout is an admin's call.
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [limitAuthRequests],
    beforeChange: [makeFirstUserAdmin, audit.beforeChange],
    afterChange: [audit.afterChange],
    afterDelete: [audit.afterDelete],
    afterLogin: [recordLogin, forgiveLoginFailures],
    afterLogout: [recordLogout],
    afterError: [recordFailedRestLogin],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'author',
      index: true,
      saveToJWT: true,
      options: ROLES.map((role) => ({ label: ROLE_LABELS[role], value: role })),
      access: { create: isAdminField, update: isAdminField },
      admin: { position: 'sidebar', description: 'Only admins can change roles.' },
    },
  ],
}
