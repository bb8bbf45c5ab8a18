// The sitemap of the public site, from the published content snapshot: drafts are not in the snapshot,
// so they cannot be listed. Each page's lastmod is the newest update among the terms it shows.
import type { MetadataRoute } from 'next'

import type { SiteContent } from './site-content'
import { absoluteUrl } from './site-url'
import type { TermView } from './term-view'

type SitemapEntry = MetadataRoute.Sitemap[number]

function newestUpdate(terms: readonly TermView[], fallback: string): string {
  let newest = ''
  for (const term of terms) if (term.updatedAt > newest) newest = term.updatedAt
  return newest ? new Date(newest).toISOString() : fallback
}

export function sitemapEntries(content: SiteContent): MetadataRoute.Sitemap {
  const { terms, categories, providers, builtAt } = content
  const siteUpdated = newestUpdate(terms, builtAt)
  const entry = (path: string, lastModified: string): SitemapEntry => ({ url: absoluteUrl(path), lastModified })

  const categoryEntries = categories.map((category) =>
    entry(
      `/categories/${category.slug}`,
      newestUpdate(
        terms.filter((term) => term.category?.slug === category.slug),
        builtAt,
      ),
    ),
  )
  const providerEntries = providers.map((provider) =>
    entry(
      `/providers/${provider.slug}`,
      newestUpdate(
        terms.filter((term) => term.providerEquivalents.some((row) => row.provider.slug === provider.slug && row.service)),
        builtAt,
      ),
    ),
  )
  const termEntries = terms.map((term) => entry(`/terms/${term.slug}`, new Date(term.updatedAt).toISOString()))

  return [
    entry('/', siteUpdated),
    entry('/terms', siteUpdated),
    entry('/compare', siteUpdated),
    entry('/categories', siteUpdated),
    ...categoryEntries,
    entry('/providers', siteUpdated),
    ...providerEntries,
    ...termEntries,
  ]
}
