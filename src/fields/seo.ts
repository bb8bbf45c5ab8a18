import type { GroupField } from 'payload'

/** Search-engine overrides; the site falls back to the title and definition when these are empty. */
export const seoField: GroupField = {
  name: 'seo',
  type: 'group',
  label: 'SEO',
  fields: [
    { name: 'title', type: 'text', maxLength: 70 },
    { name: 'description', type: 'textarea', maxLength: 160 },
  ],
}
