import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAdmin, isStaff } from '@/access/content-access'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { withRevisions } from '@/concurrency/revisions'
import { localMediaDirectory } from '@/media-storage/media-storage-settings'
import { contentChangeHooks } from '@/site-cache/record-content-change'

import { refuseUnsafeUploads } from './hooks/refuse-unsafe-uploads'
import { ALLOWED_IMAGE_TYPES, MAX_IMAGE_PIXELS } from './inspect-upload'

const siteChange = contentChangeHooks('media')
const audit = auditCollectionHooks({ titleField: 'filename' })

export const Media: CollectionConfig = withRevisions({
  slug: 'media',
  access: { read: anyone, create: isStaff, update: isStaff, delete: isEditorOrAdmin },
  hooks: {
    beforeOperation: [refuseUnsafeUploads],
    beforeChange: [audit.beforeChange],
    afterChange: [audit.afterChange, siteChange.afterChange],
    afterDelete: [audit.afterDelete, siteChange.afterDelete],
  },
  upload: {
    // Unused when the files go to S3 (src/media-storage/media-storage-plugin.ts).
    staticDir: localMediaDirectory(process.env),
    // The admin's file picker offers these; the bytes are checked by refuseUnsafeUploads.
    mimeTypes: Object.values(ALLOWED_IMAGE_TYPES),
    // Payload's own image processing refuses what the upload check would, should it ever run first.
    constructorOptions: { limitInputPixels: MAX_IMAGE_PIXELS },
  },
  fields: [{ name: 'alt', type: 'text', required: true, label: 'Alternative text' }],
})
