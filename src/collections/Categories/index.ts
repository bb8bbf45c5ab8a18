import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAdmin } from '@/access/content-access'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { withRevisions } from '@/concurrency/revisions'
import { slugField } from '@/fields/slug'
import { contentChangeHooks } from '@/site-cache/record-content-change'

const siteChange = contentChangeHooks('categories')
const audit = auditCollectionHooks({ titleField: 'name' })

export const Categories: CollectionConfig = withRevisions({
  slug: 'categories',
  labels: { singular: 'Category', plural: 'Categories' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'updatedAt'], enableListViewSelectAPI: true },
  access: { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  hooks: {
    beforeChange: [audit.beforeChange],
    afterChange: [audit.afterChange, siteChange.afterChange],
    afterDelete: [audit.afterDelete, siteChange.afterDelete],
  },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, index: true },
    slugField('name'),
    { name: 'description', type: 'textarea' },
  ],
})
