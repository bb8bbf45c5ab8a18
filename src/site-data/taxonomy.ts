// Categories and providers as the site shows them: the short lists themselves, how many published terms
// each has (one count query per category or provider, never a load of terms), and one page of a
// category's terms. A provider's services are in ./provider-services.ts.
import type { Payload } from 'payload'

import { cachedRead } from '@/site-cache/cached-read'
import {
  categoryTag,
  categoryTermsTag,
  CATEGORY_LIST_TAG,
  mediaTag,
  PROVIDER_LIST_TAG,
  TERM_LISTS_TAG,
} from '@/site-cache/cache-tags'
import { getPayloadClient } from '@/site-data/payload-client'
import { populated } from '@/fields/relations'
import type { CategoryRef, ProviderRef } from '@/site-data/term-view'

import {
  countPublishedTerms,
  findPublishedTerms,
  TERM_LIST_SELECT,
  toTermListEntry,
  type ListPage,
  type TermListEntry,
} from './published-terms'

/** More categories or providers than a glossary has; the lists are read whole up to this bound. */
const MAX_CATEGORIES = 500
const MAX_PROVIDERS = 100
export const TERMS_PER_CATEGORY_PAGE = 60

export type CategorySummary = CategoryRef & { id: string; description: string | null }
export type ProviderSummary = ProviderRef & {
  id: string
  website: string | null
  logoUrl: string | null
  logoAlt: string | null
}
/** Published terms per category or provider id. */
export type TermCounts = Record<string, number>

/** Every category, by name. Categories are public (no drafts), so this is what readers may see. */
export async function readCategories(payload: Payload): Promise<CategorySummary[]> {
  const { docs } = await payload.find({
    collection: 'categories',
    overrideAccess: false,
    depth: 0,
    sort: 'name',
    limit: MAX_CATEGORIES,
    pagination: false,
    select: { name: true, slug: true, description: true },
  })
  return docs.map((category) => ({
    id: String(category.id),
    name: category.name,
    slug: category.slug,
    description: category.description ?? null,
  }))
}

/** Every provider, in display order, with its logo when one is uploaded. */
export async function readProviders(payload: Payload): Promise<ProviderSummary[]> {
  const { docs } = await payload.find({
    collection: 'providers',
    overrideAccess: false,
    depth: 1,
    sort: 'displayOrder',
    limit: MAX_PROVIDERS,
    pagination: false,
    select: { name: true, slug: true, fullName: true, brandColor: true, website: true, logo: true },
  })
  return docs.map((provider) => {
    const logo = populated(provider.logo)
    return {
      id: String(provider.id),
      name: provider.name,
      slug: provider.slug,
      fullName: provider.fullName,
      brandColor: provider.brandColor ?? null,
      website: provider.website ?? null,
      logoUrl: logo?.url ?? null,
      logoAlt: logo?.alt ?? null,
    }
  })
}

async function readProviderLogoIds(payload: Payload): Promise<string[]> {
  const { docs } = await payload.find({
    collection: 'providers',
    overrideAccess: false,
    depth: 0,
    limit: MAX_PROVIDERS,
    pagination: false,
    select: { logo: true },
  })
  return docs.flatMap((provider) =>
    provider.logo ? [String(typeof provider.logo === 'object' ? provider.logo.id : provider.logo)] : [],
  )
}

export async function readCategoryTermCounts(payload: Payload): Promise<TermCounts> {
  const categories = await readCategories(payload)
  const counts = await Promise.all(
    categories.map((category) => countPublishedTerms(payload, { category: { equals: category.id } })),
  )
  return Object.fromEntries(categories.map((category, index) => [category.id, counts[index]!]))
}

/** Terms with a real service of each provider (a "no equivalent" row does not count). */
export async function readProviderServiceCounts(payload: Payload): Promise<TermCounts> {
  const providers = await readProviders(payload)
  const counts = await Promise.all(
    providers.map((provider) => countPublishedTerms(payload, { providersWithService: { in: [provider.id] } })),
  )
  return Object.fromEntries(providers.map((provider, index) => [provider.id, counts[index]!]))
}

export async function readCategoryTerms(
  payload: Payload,
  category: CategorySummary,
  page: number,
): Promise<ListPage<TermListEntry>> {
  const result = await findPublishedTerms(payload, {
    where: { category: { equals: category.id } },
    page,
    perPage: TERMS_PER_CATEGORY_PAGE,
    select: TERM_LIST_SELECT,
  })
  const categories = new Map([[category.id, { name: category.name, slug: category.slug }]])
  return {
    items: result.docs.map((term) => toTermListEntry(term, categories)),
    total: result.totalDocs,
    page,
    perPage: TERMS_PER_CATEGORY_PAGE,
  }
}

// Cached reads for the pages. Each carries the tags of what it shows: the lists change with their own
// collection, counts with any term, a category's terms with the terms filed under it.

export function getCategories(): Promise<CategorySummary[]> {
  return cachedRead(['categories'], [CATEGORY_LIST_TAG], async () => readCategories(await getPayloadClient()))
}

export async function getProviders(): Promise<ProviderSummary[]> {
  // The logos' own tags must be known before the read that shows them is cached under them.
  const logoIds = await cachedRead(['provider-logo-ids'], [PROVIDER_LIST_TAG], async () =>
    readProviderLogoIds(await getPayloadClient()),
  )
  return cachedRead(['providers', ...logoIds], [PROVIDER_LIST_TAG, ...logoIds.map(mediaTag)], async () =>
    readProviders(await getPayloadClient()),
  )
}

export function getCategoryTermCounts(): Promise<TermCounts> {
  return cachedRead(['category-term-counts'], [TERM_LISTS_TAG, CATEGORY_LIST_TAG], async () =>
    readCategoryTermCounts(await getPayloadClient()),
  )
}

export function getProviderServiceCounts(): Promise<TermCounts> {
  return cachedRead(['provider-service-counts'], [TERM_LISTS_TAG, PROVIDER_LIST_TAG], async () =>
    readProviderServiceCounts(await getPayloadClient()),
  )
}

export function getCategoryTerms(category: CategorySummary, page: number): Promise<ListPage<TermListEntry>> {
  return cachedRead(
    ['category-terms', category.id, page],
    [categoryTag(category.id), categoryTermsTag(category.id)],
    async () => readCategoryTerms(await getPayloadClient(), category, page),
  )
}

/** The category with this slug, found in the cached list (so an unknown slug costs no query of its own). */
export async function findCategoryBySlug(slug: string): Promise<CategorySummary | null> {
  return (await getCategories()).find((category) => category.slug === slug) ?? null
}

export async function findProviderBySlug(slug: string): Promise<ProviderSummary | null> {
  return (await getProviders()).find((provider) => provider.slug === slug) ?? null
}

/** Categories by id, for naming the category of each term a list shows. */
export function categoryRefsById(categories: readonly CategorySummary[]): Map<string, CategoryRef> {
  return new Map(categories.map((category) => [category.id, { name: category.name, slug: category.slug }]))
}
