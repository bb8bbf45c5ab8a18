// An append-only log of changes to published content, one row per change, naming the cache tags the
// change makes stale (src/site-cache/cache-tags.ts). Every process that caches public pages reads the
// rows added since its last look (src/site-cache/change-log.ts), so a change made by any process that
// shares the database (the app, a scheduled job, the import CLI, another instance) reaches its cache
// with no message passing between processes. Rows of terms, categories and providers also say what
// happened to the document (an event, with its slug), which the v1 change feed lists
// (src/api-v1/change-feed.ts); the rest of a row is never shown to anyone.
import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/nobody'
import { SITE_COLLECTIONS } from '@/site-cache/cache-tags'
import { CHANGE_EVENTS } from '@/change-events/change-events'

export const ContentChanges: CollectionConfig = {
  slug: 'content-changes',
  labels: { singular: 'Content change', plural: 'Content changes' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody, readVersions: nobody },
  graphQL: false,
  lockDocuments: false,
  fields: [
    { name: 'sourceCollection', type: 'select', required: true, options: [...SITE_COLLECTIONS] },
    { name: 'documentId', type: 'text' },
    /** Space-separated: tags never contain spaces (slugs and ids). */
    { name: 'tags', type: 'textarea', required: true },
    /** Set on rows of terms, categories and providers only: the change feed lists exactly the rows that have one. */
    { name: 'event', type: 'select', options: [...CHANGE_EVENTS] },
    { name: 'documentSlug', type: 'text' },
  ],
  // Readers ask for the rows created since a time: Payload indexes createdAt on every collection.
}
