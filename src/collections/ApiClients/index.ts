// The keys content consumers call the v1 API with. Each client is an auth collection of its own using
// Payload's API keys: Payload stores the key encrypted with PAYLOAD_SECRET and finds a caller by an HMAC
// of it, never by the key in clear; the audit log names a changed key and never shows it. Admins manage
// clients: rotating a key (a new one in the admin) or revoking it (clearing it) takes effect on the next
// request, on every instance. An API client is never staff (src/access/roles.ts): its key reads what
// anonymous callers read, plus drafts through the v1 API when its scope is `preview`.
import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/is-admin'
import { nobody } from '@/access/nobody'
import { API_CLIENTS_COLLECTION } from '@/access/roles'
import { auditCollectionHooks } from '@/audit/audit-hooks'

export const API_CLIENT_SCOPES = ['published', 'preview'] as const
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number]

const audit = auditCollectionHooks({ titleField: 'name' })

export const ApiClients: CollectionConfig = {
  slug: API_CLIENTS_COLLECTION,
  labels: { singular: 'API client', plural: 'API clients' },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'owner', 'scope', 'expiresAt', 'lastUsedAt'],
    description: 'Keys for the content API (/api/v1). Send one as "Authorization: api-clients API-Key <key>".',
  },
  access: { admin: () => false, read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: nobody },
  graphQL: false,
  hooks: {
    beforeChange: [audit.beforeChange],
    afterChange: [audit.afterChange],
    afterDelete: [audit.afterDelete],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      admin: { description: 'What uses the key, e.g. "Docs site build".' },
    },
    {
      name: 'owner',
      type: 'text',
      required: true,
      admin: { description: 'Who to ask about it: a person or a team, and how to reach them.' },
    },
    {
      name: 'scope',
      type: 'select',
      required: true,
      defaultValue: 'published',
      options: [
        { label: 'Published content', value: 'published' },
        { label: 'Published content and drafts (?preview=true)', value: 'preview' },
      ],
    },
    {
      name: 'expiresAt',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'From this time on the key is refused. Empty: it does not expire.',
      },
    },
    {
      name: 'lastUsedAt',
      type: 'date',
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Updated at most once a minute.',
      },
    },
  ],
}
