import type { CollectionConfig } from 'payload'

import { isEditorOrAdmin, isStaff } from '@/access/content-access'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { REVIEWED_COLLECTIONS } from '@/workflow/reviewed-collection-slugs'

import { publishReleaseEndpoint } from './endpoints/publish-release-endpoint'
import { queueScheduledRelease } from '../../workflow/queue-scheduled-release'

const audit = auditCollectionHooks({ titleField: 'name' })

export const RELEASE_STATUSES = ['open', 'scheduled', 'published', 'failed'] as const

export const Releases: CollectionConfig = {
  slug: 'releases',
  labels: { singular: 'Release', plural: 'Releases' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'status', 'publishAt', 'publishedAt'],
    description: 'Documents published together, now or at a set time: all of them or none.',
  },
  access: { read: isStaff, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  hooks: {
    beforeChange: [audit.beforeChange],
    afterChange: [queueScheduledRelease, audit.afterChange],
    afterDelete: [audit.afterDelete],
  },
  endpoints: [publishReleaseEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      name: 'items',
      type: 'array',
      label: 'Documents',
      minRows: 1,
      fields: [{ name: 'document', type: 'relationship', relationTo: [...REVIEWED_COLLECTIONS], required: true }],
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'open',
      index: true,
      options: RELEASE_STATUSES.map((status) => ({ label: status[0]!.toUpperCase() + status.slice(1), value: status })),
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'publishAt',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Leave empty and use Publish now, or set a time to publish the release then.',
      },
    },
    { name: 'publishedAt', type: 'date', admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'failureReason',
      type: 'textarea',
      admin: { readOnly: true, condition: (data) => Boolean(data?.failureReason) },
    },
    {
      name: 'scheduledBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
