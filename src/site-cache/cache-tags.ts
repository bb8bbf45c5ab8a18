// The names of what the public site caches, and which of them a change to a document makes stale.
// Defined once here: the hooks that record changes (./record-content-change.ts) and the reads that
// cache data (./cached-read.ts) both use them, so a page is re-rendered exactly when something it
// shows has changed, and an unrelated term's page is left alone.
import type { CollectionSlug } from 'payload'

import { relationId } from '@/fields/relations'

/** Every cached read carries this tag, so a server can expire everything it cached before it started. */
export const SITE_TAG = 'site'
/**
 * Anonymous answers of the content API (./anonymous-api-reads.ts). A query may filter, sort and populate
 * by anything, so which answers a change affects cannot be told from the change: any change expires them all.
 */
export const API_READS_TAG = 'api-reads'
/** Whatever counts or lists terms across the whole glossary: home, feeds, sitemap, index counts. */
export const TERM_LISTS_TAG = 'term-lists'
/** The list of all categories / all providers (navigation, filters, index pages). */
export const CATEGORY_LIST_TAG = 'categories'
export const PROVIDER_LIST_TAG = 'providers'

/** A published term looked up by its slug (its page, metadata and images). */
export const termSlugTag = (slug: string) => `term:${slug}`
/** A term shown by id somewhere else: a related-term link, an auto-link, a list entry. */
export const termIdTag = (id: string | number) => `term-id:${id}`
export const useCaseTag = (id: string | number) => `use-case:${id}`
export const faqTag = (id: string | number) => `faq:${id}`
export const mediaTag = (id: string | number) => `media:${id}`
/** A category's own fields (name, slug, description), wherever they show. */
export const categoryTag = (id: string | number) => `category:${id}`
/** Which terms belong to a category (its page, compare for it). */
export const categoryTermsTag = (id: string | number) => `category-terms:${id}`
export const providerTag = (id: string | number) => `provider:${id}`
/** Which terms name a service of a provider (its page). */
export const providerTermsTag = (id: string | number) => `provider-terms:${id}`
/** The A–Z pages of one letter; `#` for titles that do not start with a letter. */
export const letterTag = (letter: string) => `letter:${letter}`

/**
 * The id a tag names, when `tagFor` (one of the id builders above, such as termIdTag) made it; null for
 * any other tag. Readers of the content-changes log use it to find which documents a change touched.
 */
export function idInTag(tagFor: (id: string) => string, tag: string): string | null {
  const prefix = tagFor('')
  return tag.startsWith(prefix) && tag.length > prefix.length ? tag.slice(prefix.length) : null
}

/** The letter a title is filed under on the A–Z index. */
export function indexLetter(title: string): string {
  const first = title.trim().charAt(0).normalize('NFD').charAt(0).toUpperCase()
  return /^[A-Z]$/.test(first) ? first : '#'
}

/** The collections whose published content the site shows. */
export const SITE_COLLECTIONS = ['terms', 'use-cases', 'faqs', 'categories', 'providers', 'media'] as const
export type SiteCollection = (typeof SITE_COLLECTIONS)[number] & CollectionSlug

type Related = string | number | { id: string | number } | null | undefined
type TermFields = {
  id?: string | number
  slug?: string | null
  title?: string | null
  category?: Related
  providerEquivalents?: ReadonlyArray<{ provider?: Related }> | null
}

function termTags(term: TermFields): string[] {
  const tags: string[] = []
  if (term.id !== undefined) tags.push(termIdTag(term.id))
  if (term.slug) tags.push(termSlugTag(term.slug))
  if (term.title) tags.push(letterTag(indexLetter(term.title)))
  const category = relationId(term.category)
  if (category) tags.push(categoryTermsTag(category))
  for (const row of term.providerEquivalents ?? []) {
    const provider = relationId(row.provider)
    if (provider) tags.push(providerTermsTag(provider))
  }
  return tags
}

/**
 * The tags a change to one document makes stale, from the document before and after the change (either
 * may be missing: a create has no before, a delete no after). Both sides count, so a term that moves to
 * another category or letter, or changes its slug, refreshes the old place and the new one.
 */
export function tagsForChange(
  collection: SiteCollection,
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): string[] {
  const sides = [before, after].filter((doc): doc is Record<string, unknown> => Boolean(doc))
  const tags = new Set<string>()
  for (const doc of sides) {
    const id = doc.id as string | number
    switch (collection) {
      case 'terms':
        for (const tag of termTags(doc as TermFields)) tags.add(tag)
        tags.add(TERM_LISTS_TAG)
        break
      case 'use-cases':
        tags.add(useCaseTag(id))
        break
      case 'faqs':
        tags.add(faqTag(id))
        break
      case 'categories':
        tags.add(categoryTag(id)).add(CATEGORY_LIST_TAG)
        break
      case 'providers':
        tags.add(providerTag(id)).add(PROVIDER_LIST_TAG)
        break
      case 'media':
        tags.add(mediaTag(id))
        break
    }
  }
  return [...tags]
}
