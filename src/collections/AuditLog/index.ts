import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/is-admin'
import { nobody } from '@/access/nobody'
import { ACTOR_TYPES, AUDIT_ACTIONS } from '@/audit/audit-actions'

import { exportAuditLog } from './endpoints/export-audit-log'

const labelOf = (value: string) => value[0]!.toUpperCase() + value.slice(1).replaceAll('-', ' ')

/**
 * Who did what, when. Append-only: entries are written by server code (the audit hooks and auth
 * hooks) with access overridden, and no one, admins included, may change or remove one.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit log entry', plural: 'Audit log' },
  admin: {
    defaultColumns: ['createdAt', 'action', 'actorLabel', 'targetCollection', 'targetTitle'],
    listSearchableFields: ['actorLabel', 'targetTitle', 'targetCollection', 'action'],
    description: 'Every change, publication and sign-in, as it happened. Entries cannot be edited or deleted.',
  },
  access: {
    read: isAdmin,
    create: nobody,
    update: nobody,
    delete: nobody,
    readVersions: nobody,
  },
  defaultSort: '-createdAt',
  endpoints: [{ path: '/export', method: 'get', handler: exportAuditLog }],
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((action) => ({ label: labelOf(action), value: action })),
    },
    {
      name: 'actorType',
      type: 'select',
      required: true,
      options: ACTOR_TYPES.map((type) => ({ label: type === 'api-key' ? 'API key' : labelOf(type), value: type })),
    },
    { name: 'actor', type: 'relationship', relationTo: 'users', index: true },
    {
      name: 'actorLabel',
      type: 'text',
      label: 'Actor',
      admin: { description: 'The email of the user at the time, or "system".' },
    },
    { name: 'ip', type: 'text', label: 'IP address' },
    { name: 'userAgent', type: 'text' },
    { name: 'targetCollection', type: 'text', index: true, label: 'Collection' },
    { name: 'targetId', type: 'text', index: true, label: 'Document id' },
    { name: 'targetTitle', type: 'text', label: 'Title' },
    { name: 'changedFields', type: 'text', hasMany: true },
    { name: 'note', type: 'textarea' },
  ],
}
