import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { authenticatedOrPublished } from '@/access/authenticated-or-published'

export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', '_status', 'updatedAt'],
  },
  access: {
    read: authenticatedOrPublished,
    readVersions: authenticated,
    create: authenticated,
    update: authenticated,
    delete: authenticated,
  },
  versions: { drafts: true, maxPerDoc: 50 },
  fields: [
    { name: 'question', type: 'text', required: true, index: true },
    { name: 'answer', type: 'richText', required: true },
    {
      name: 'terms',
      type: 'join',
      collection: 'terms',
      on: 'faqs',
      admin: { description: 'Terms that show this question. Add it from the term.' },
    },
  ],
}
