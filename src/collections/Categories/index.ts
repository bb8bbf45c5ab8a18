import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAdmin } from '@/access/content-access'
import { slugField } from '@/fields/slug'

import { auditedSiteCollection } from '../audited-site-collection'

export const Categories: CollectionConfig = auditedSiteCollection({
  slug: 'categories',
  titleField: 'name',
  labels: { singular: 'Category', plural: 'Categories' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'updatedAt'], enableListViewSelectAPI: true },
  access: { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  defaultSort: 'name',
  defaultPopulate: { name: true, slug: true },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, index: true },
    slugField('name'),
    { name: 'description', type: 'textarea' },
  ],
})
