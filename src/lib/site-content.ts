// One snapshot of everything the public site shows, read as an anonymous visitor (access control on,
// published versions only) and cached until published content changes. Every page, feed and download
// derives from it, so a change to any term, use case, FAQ, category or provider refreshes them all.
import type { Payload } from 'payload'

import { cachedRead } from '@/site-cache/cached-read'
import { CATEGORY_LIST_TAG, PROVIDER_LIST_TAG, TERM_LISTS_TAG } from '@/site-cache/cache-tags'

import { getPayloadClient } from './payload-client'
import { populated } from './relations'
import { toTermView, type CategoryRef, type ProviderRef, type TermView } from './term-view'

export type CategoryView = CategoryRef & { id: string; description: string | null; termCount: number }

export type ProviderView = ProviderRef & {
  id: string
  website: string | null
  logoUrl: string | null
  logoAlt: string | null
  termCount: number
}

export type SiteContent = {
  /** Sorted by title, case-insensitively. */
  terms: TermView[]
  termsBySlug: ReadonlyMap<string, TermView>
  /** Sorted by name; only categories with at least one published term. */
  categories: CategoryView[]
  /** In display order. */
  providers: ProviderView[]
  /** When the snapshot was built (ISO time), for feeds and sitemaps of a site with no terms. */
  builtAt: string
}

const byTitle = (a: { title: string }, b: { title: string }) =>
  a.title.localeCompare(b.title, 'en', { sensitivity: 'base' })

export async function buildSiteContent(payload: Payload): Promise<SiteContent> {
  const [termResult, categoryResult, providerResult] = await Promise.all([
    payload.find({
      collection: 'terms',
      overrideAccess: false,
      draft: false,
      depth: 1,
      pagination: false,
      sort: 'title',
    }),
    payload.find({ collection: 'categories', overrideAccess: false, depth: 0, pagination: false, sort: 'name' }),
    payload.find({ collection: 'providers', overrideAccess: false, depth: 1, pagination: false, sort: 'displayOrder' }),
  ])

  const terms = termResult.docs.map(toTermView).sort(byTitle)
  const termCountByCategory = new Map<string, number>()
  const termCountByProvider = new Map<string, number>()
  for (const term of terms) {
    if (term.category) termCountByCategory.set(term.category.slug, (termCountByCategory.get(term.category.slug) ?? 0) + 1)
    for (const row of term.providerEquivalents) {
      if (row.service) termCountByProvider.set(row.provider.slug, (termCountByProvider.get(row.provider.slug) ?? 0) + 1)
    }
  }

  const categories = categoryResult.docs
    .map((category) => ({
      id: String(category.id),
      name: category.name,
      slug: category.slug,
      description: category.description ?? null,
      termCount: termCountByCategory.get(category.slug) ?? 0,
    }))
    .filter((category) => category.termCount > 0)

  const providers = providerResult.docs.map((provider) => {
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
      termCount: termCountByProvider.get(provider.slug) ?? 0,
    }
  })

  return {
    terms,
    termsBySlug: new Map(terms.map((term) => [term.slug, term])),
    categories,
    providers,
    builtAt: new Date().toISOString(),
  }
}

const SNAPSHOT_TAGS = [TERM_LISTS_TAG, CATEGORY_LIST_TAG, PROVIDER_LIST_TAG]

export async function getSiteContent(): Promise<SiteContent> {
  const snapshot = await cachedRead(['site-content'], SNAPSHOT_TAGS, async () => {
    const { termsBySlug: _bySlug, ...rest } = await buildSiteContent(await getPayloadClient())
    return rest
  })
  return { ...snapshot, termsBySlug: new Map(snapshot.terms.map((term) => [term.slug, term])) }
}
