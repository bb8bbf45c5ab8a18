import type { CollectionConfig } from 'payload'

import { staffOnlyField } from '@/access/staff-only-field'
import { DIFFICULTIES } from '@/content-format/types'
import { providerEquivalentsField } from '@/fields/provider-equivalents'
import { seoField } from '@/fields/seo'
import { slugField } from '@/fields/slug'
import { validateHttpUrl } from '@/fields/http-url'
import { previewUrlFor } from '@/routes/preview-url'
import { RESERVED_TERM_SLUGS, termPath } from '@/routes/site-routes'
import { reviewedCollection } from '@/workflow/reviewed-collection'

import { hideUnpublishedLinks } from './hooks/hide-unpublished-links'
import { validateNotSelf } from './hooks/validate-not-self'
import { listFields, listIndexes } from './list-fields'

type SeeAlsoRow = { term?: unknown; label?: unknown; url?: unknown }

function validateSeeAlsoRows(rows: unknown): true | string {
  if (!Array.isArray(rows)) return true
  for (const [index, row] of (rows as SeeAlsoRow[]).entries()) {
    if (!row.term && !row.label) return `See also, row ${index + 1}: choose a term or enter a label.`
    const urlCheck = validateHttpUrl(row.url, `See also, row ${index + 1}: URL`)
    if (urlCheck !== true) return urlCheck
  }
  return true
}

export const Terms: CollectionConfig = reviewedCollection({
  slug: 'terms',
  titleField: 'title',
  labels: { singular: 'Term', plural: 'Terms' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'difficulty', 'workflowStage', 'assignee', 'updatedAt'],
    // Indexed fields only: a search in the definition too read every definition in the glossary.
    listSearchableFields: ['title', 'slug'],
    preview: (doc) => (typeof doc?.slug === 'string' ? previewUrlFor(termPath(doc.slug)) : null),
    livePreview: {
      url: ({ data }) => (typeof data?.slug === 'string' ? previewUrlFor(termPath(data.slug)) : ''),
    },
  },
  defaultSort: 'title',
  // The public site's hot reads (see bench/query-plans.ts): A–Z pages by letter and sort key, a category's
  // terms by sort key; the admin's lists of terms by status and title, by category and title, and published
  // terms by date of change (feeds, change sync).
  indexes: [
    ...listIndexes,
    { fields: ['_status', 'title'] },
    { fields: ['category', 'title'] },
    { fields: ['_status', 'updatedAt'] },
  ],
  // A related term or see-also link, populated, is a link: its title and address, not a second whole term.
  defaultPopulate: { title: true, slug: true },
  hooks: {
    afterRead: [hideUnpublishedLinks],
  },
  fields: [
    { name: 'title', type: 'text', required: true, index: true },
    slugField('title', { reserved: RESERVED_TERM_SLUGS }),
    {
      name: 'definition',
      type: 'textarea',
      required: true,
      admin: { description: 'Plain text. Separate paragraphs with a blank line.' },
    },
    {
      name: 'analogy',
      type: 'textarea',
      admin: { description: 'A plain-language comparison, e.g. "Like a detailed security log…".' },
    },
    { name: 'body', type: 'richText', admin: { description: 'Optional longer explanation.' } },
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'difficulty',
      type: 'select',
      required: true,
      index: true,
      options: DIFFICULTIES.map((level) => ({ label: level[0]!.toUpperCase() + level.slice(1), value: level })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'aliases',
      type: 'text',
      hasMany: true,
      admin: { position: 'sidebar', description: 'Other names and abbreviations readers search for.' },
    },
    providerEquivalentsField,
    { name: 'useCases', type: 'relationship', relationTo: 'use-cases', hasMany: true },
    { name: 'faqs', type: 'relationship', relationTo: 'faqs', hasMany: true, label: 'FAQs' },
    {
      name: 'relatedTerms',
      type: 'relationship',
      relationTo: 'terms',
      hasMany: true,
      validate: validateNotSelf('A term cannot be related to itself.'),
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'pendingRelatedTerms',
      type: 'text',
      hasMany: true,
      access: { read: staffOnlyField },
      admin: {
        readOnly: true,
        description:
          'Related terms as an import wrote them, kept while some match no term yet; linked in this order when those terms arrive.',
        condition: (data) => Array.isArray(data?.pendingRelatedTerms) && data.pendingRelatedTerms.length > 0,
      },
    },
    {
      name: 'seeAlso',
      type: 'array',
      labels: { singular: 'See-also link', plural: 'See also' },
      validate: validateSeeAlsoRows,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'term', type: 'relationship', relationTo: 'terms', admin: { width: '40%' } },
            {
              name: 'label',
              type: 'text',
              admin: { width: '30%', description: 'Shown instead of the term title, or for an outside link.' },
            },
            {
              name: 'url',
              type: 'text',
              admin: { width: '30%', description: 'An outside address, when this is not a term.' },
            },
          ],
        },
      ],
    },
    seoField,
    ...listFields,
  ],
})
