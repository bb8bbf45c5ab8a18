// A slug field that fills itself from another field and accepts only kebab-case.
import type { TextField } from 'payload'

import { MAX_SLUG_LENGTH, slugify } from '@/content-format/slugify'

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Slugs a collection cannot use because a page of the site already lives at that address. */
export type ReservedSlugs = { slugs: readonly string[]; reason: string }

export function validateSlug(value: unknown, reserved?: ReservedSlugs): true | string {
  if (typeof value !== 'string' || value.length === 0) return 'Slug is required.'
  if (!KEBAB_CASE.test(value)) {
    return `Slug "${value}" must be kebab-case: lower-case letters and digits separated by single hyphens.`
  }
  if (value.length > MAX_SLUG_LENGTH) {
    return `Slug "${value.slice(0, 40)}…" is ${value.length} characters long; a slug may have at most ${MAX_SLUG_LENGTH}.`
  }
  if (reserved?.slugs.includes(value)) return `Slug "${value}" is reserved: ${reserved.reason}. Choose another slug.`
  return true
}

export function slugField(sourceField = 'title', options: { reserved?: ReservedSlugs } = {}): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: `Used in the page address. Filled from the ${sourceField} when left empty.`,
    },
    hooks: {
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim() !== '') return value.trim()
          const source = data?.[sourceField]
          return typeof source === 'string' ? slugify(source) : value
        },
      ],
    },
    validate: (value: unknown) => validateSlug(value, options.reserved),
  }
}
