// The log of webhook deliveries: one row per change sent to an endpoint, with the outcome of its last
// attempt. Only the server writes it (src/webhooks); admins read it in the admin and may ask for a
// delivery again (./endpoints/resend.ts).
import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/is-admin'
import { nobody } from '@/access/nobody'

import { resendEndpoint } from './endpoints/resend'

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const

const dayAndTime = { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const } }

export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: 'Webhook delivery', plural: 'Webhook deliveries' },
  admin: {
    useAsTitle: 'webhookId',
    defaultColumns: ['eventType', 'endpoint', 'status', 'attempts', 'lastResponseCode', 'createdAt'],
    description:
      'What was sent to each webhook endpoint. Re-send: POST /api/webhook-deliveries/<id>/resend as an admin.',
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin, readVersions: nobody, unlock: nobody },
  graphQL: false,
  lockDocuments: false,
  endpoints: [resendEndpoint],
  fields: [
    // Not required: deleting an endpoint keeps its deliveries in the log, with no endpoint.
    { name: 'endpoint', type: 'relationship', relationTo: 'webhook-endpoints', index: true, admin: { readOnly: true } },
    { name: 'eventType', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'webhookId', label: 'webhook-id', type: 'text', required: true, unique: true, admin: { readOnly: true } },
    { name: 'body', type: 'textarea', required: true, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: [...DELIVERY_STATUSES],
      admin: { readOnly: true },
    },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0, admin: { readOnly: true } },
    { name: 'lastResponseCode', type: 'number', admin: { readOnly: true } },
    { name: 'lastError', type: 'text', admin: { readOnly: true } },
    { name: 'lastAttemptAt', type: 'date', admin: dayAndTime },
    { name: 'nextAttemptAt', label: 'Next try', type: 'date', admin: dayAndTime },
    { name: 'deliveredAt', type: 'date', admin: dayAndTime },
    /** The job that owns this delivery; empty until the sweep queues one (src/webhooks/queue-deliveries.ts). */
    { name: 'deliveryJob', type: 'text', index: true, admin: { hidden: true } },
  ],
}
