import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAdmin, isStaff } from '@/access/content-access'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { contentChangeHooks } from '@/collections/ContentChanges/hooks/record-content-change'

const siteChange = contentChangeHooks('media')
const audit = auditCollectionHooks({ titleField: 'filename' })

export const Media: CollectionConfig = {
  slug: 'media',
  access: { read: anyone, create: isStaff, update: isStaff, delete: isEditorOrAdmin },
  hooks: {
    beforeChange: [audit.beforeChange],
    afterChange: [audit.afterChange, siteChange.afterChange],
    afterDelete: [audit.afterDelete, siteChange.afterDelete],
  },
  upload: {
    // Tests point this at a temporary folder so uploads never land in the working tree.
    staticDir: process.env.CLOUDLEX_MEDIA_DIR || 'media',
    mimeTypes: ['image/*'],
  },
  fields: [{ name: 'alt', type: 'text', required: true, label: 'Alternative text' }],
}
