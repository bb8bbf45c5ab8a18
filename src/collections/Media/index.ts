import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAdmin, isStaff } from '@/access/content-access'
import { localMediaDirectory } from '@/media-storage/media-storage-settings'

import { auditedSiteCollection } from '../audited-site-collection'

import { refuseUnsafeUploads } from './hooks/refuse-unsafe-uploads'
import { ALLOWED_IMAGE_TYPES, MAX_IMAGE_PIXELS } from './inspect-upload'

export const Media: CollectionConfig = auditedSiteCollection({
  slug: 'media',
  titleField: 'filename',
  access: { read: anyone, create: isStaff, update: isStaff, delete: isEditorOrAdmin },
  hooks: {
    beforeOperation: [refuseUnsafeUploads],
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
