// The names of everything the public site caches, and which collection's changes make each one stale.
// Defined once here: the hooks that record changes and the loaders that read cached data both use them.
import type { CollectionSlug } from 'payload'

export const CACHE_TAGS = ['terms', 'use-cases', 'faqs', 'categories', 'providers', 'media'] as const
export type CacheTag = (typeof CACHE_TAGS)[number]

/** The collections whose published content the site shows, each with the tag its changes invalidate. */
export const CACHE_TAG_BY_COLLECTION = {
  terms: 'terms',
  'use-cases': 'use-cases',
  faqs: 'faqs',
  categories: 'categories',
  providers: 'providers',
  media: 'media',
} as const satisfies Partial<Record<CollectionSlug, CacheTag>>

export type SiteCollection = keyof typeof CACHE_TAG_BY_COLLECTION

/** Every page is built from one snapshot of the published content, so it depends on every tag. */
export const SITE_CONTENT_TAGS: readonly CacheTag[] = CACHE_TAGS
