import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAdmin } from '@/access/content-access'
import { slugField } from '@/fields/slug'

import { auditedSiteCollection } from '../audited-site-collection'

export const Providers: CollectionConfig = auditedSiteCollection({
  slug: 'providers',
  titleField: 'name',
  labels: { singular: 'Provider', plural: 'Providers' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'fullName', 'displayOrder'] },
  access: { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  defaultSort: 'displayOrder',
  defaultPopulate: { name: true, slug: true, fullName: true, website: true, brandColor: true },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'Short name as readers know it: AWS, Azure, GCP, OCI.' },
    },
    slugField('name'),
    { name: 'fullName', type: 'text', required: true },
    { name: 'website', type: 'text' },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    {
      name: 'brandColor',
      type: 'text',
      admin: { description: 'The colour the site marks this provider with, as #rrggbb.' },
      validate: (value: unknown) =>
        value === null ||
        value === undefined ||
        value === '' ||
        (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value))
          ? true
          : 'Brand colour must look like #ff9900.',
    },
    { name: 'displayOrder', type: 'number', defaultValue: 100, index: true },
  ],
})
