// Where the server sends webhooks: each endpoint subscribes to events (published, updated, unpublished,
// deleted) of terms, categories and providers, and receives one signed delivery per matching change
// (src/webhooks). Admins only, for every operation: the signing secret is readable here. The audit log
// names a changed secret and never shows it (it records field names only).
import type { CollectionConfig, FieldAccess } from 'payload'

import { isAdmin, isAdminField } from '@/access/is-admin'
import { nobody } from '@/access/nobody'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { CHANGE_EVENTS, FEED_COLLECTIONS } from '@/change-events/change-events'
import { webhookUrlProblem } from '@/webhooks/public-destination'

import { manageSecret, ROTATE_SECRET_FIELD } from './hooks/manage-secret'

const audit = auditCollectionHooks({ titleField: 'url' })

/** Only the server's hooks write the secrets. */
const serverOnly: FieldAccess = () => false
const secretAccess = { read: isAdminField, create: serverOnly, update: serverOnly }

export const WebhookEndpoints: CollectionConfig = {
  slug: 'webhook-endpoints',
  labels: { singular: 'Webhook endpoint', plural: 'Webhook endpoints' },
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'description', 'events', 'collections', 'enabled'],
    description: 'Addresses that receive a signed POST (Standard Webhooks) for each change of published content.',
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin, readVersions: nobody, unlock: isAdmin },
  graphQL: false,
  hooks: {
    beforeChange: [manageSecret, audit.beforeChange],
    afterChange: [audit.afterChange],
    afterDelete: [audit.afterDelete],
  },
  fields: [
    {
      name: 'url',
      label: 'URL',
      type: 'text',
      required: true,
      validate: (value: unknown) => webhookUrlProblem(value) ?? true,
      admin: { description: 'An http:// or https:// address on the public internet.' },
    },
    { name: 'description', type: 'text', admin: { description: 'What receives the deliveries and who runs it.' } },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: [...CHANGE_EVENTS],
      defaultValue: [...CHANGE_EVENTS],
    },
    {
      name: 'collections',
      type: 'select',
      hasMany: true,
      required: true,
      options: [...FEED_COLLECTIONS],
      defaultValue: [...FEED_COLLECTIONS],
    },
    { name: 'enabled', type: 'checkbox', defaultValue: true },
    {
      name: 'secret',
      label: 'Signing secret',
      type: 'text',
      access: secretAccess,
      admin: {
        readOnly: true,
        description: 'Verify each delivery with this secret (Standard Webhooks). Made by the server.',
      },
    },
    {
      name: ROTATE_SECRET_FIELD,
      label: 'Rotate secret on save',
      type: 'checkbox',
      virtual: true,
      admin: {
        description: 'Makes a new secret; the current one keeps signing beside it for the overlap (24 h by default).',
      },
    },
    { name: 'previousSecret', label: 'Previous secret', type: 'text', access: secretAccess, admin: { readOnly: true } },
    {
      name: 'previousSecretExpiresAt',
      label: 'Previous secret signs until',
      type: 'date',
      access: secretAccess,
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
