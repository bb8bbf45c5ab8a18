// An append-only log of changes to published content, one row per change and cache tag. The public site
// compares the number of rows for its tags with the number it last built from: a change made by any
// process that shares the database (the app, a scheduled job, the import CLI, another instance) makes
// the next page request rebuild, with no message passing between processes. Rows are only ever added,
// so a count never repeats; they are never shown to anyone.
import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/nobody'
import { CACHE_TAGS } from '@/lib/cache-tags'

export const ContentChanges: CollectionConfig = {
  slug: 'content-changes',
  labels: { singular: 'Content change', plural: 'Content changes' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody, readVersions: nobody },
  graphQL: false,
  lockDocuments: false,
  fields: [
    { name: 'tag', type: 'select', required: true, index: true, options: [...CACHE_TAGS] },
    { name: 'documentId', type: 'text' },
  ],
}
