// Title, description, canonical URL and social-card metadata for each kind of public page. Pages call
// these from `metadata`/`generateMetadata`; the social images come from the opengraph-image routes.
import type { Metadata } from 'next'

import type { CategoryView, ProviderView } from './site-content'
import { SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from './site-identity'
import { absoluteUrl } from './site-url'
import { META_DESCRIPTION_LENGTH, termMetaDescription, truncateAtWord } from './term-summary'
import type { TermView } from './term-view'

type PageDescription = {
  /** Shown in the tab; the layout's template appends " · Cloudlex" unless `absoluteTitle` is set. */
  title: string
  absoluteTitle?: boolean
  description: string
  path: string
}

function pageMetadata({ title, absoluteTitle = false, description, path }: PageDescription): Metadata {
  const url = absoluteUrl(path)
  const shortDescription = truncateAtWord(description, META_DESCRIPTION_LENGTH)
  // Open Graph and Twitter show the title on its own, so it carries the site name explicitly.
  const socialTitle = absoluteTitle ? title : `${title} · ${SITE_NAME}`
  return {
    title: absoluteTitle ? { absolute: title } : title,
    description: shortDescription,
    alternates: { canonical: url },
    openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en', url, title: socialTitle, description: shortDescription },
    twitter: { card: 'summary_large_image', title: socialTitle, description: shortDescription },
  }
}

export function homeMetadata(): Metadata {
  return pageMetadata({ title: SITE_TITLE, absoluteTitle: true, description: SITE_DESCRIPTION, path: '/' })
}

export function termIndexMetadata(termCount: number): Metadata {
  return pageMetadata({
    title: 'A–Z index of cloud-computing terms',
    description: `All ${termCount} Cloudlex terms from A to Z, filterable by category, difficulty and provider, each with its AWS, Azure, Google Cloud and OCI services.`,
    path: '/terms',
  })
}

export function termPageMetadata(term: TermView): Metadata {
  const base = pageMetadata({
    title: term.seoTitle ?? term.title,
    description: term.seoDescription ?? termMetaDescription(term),
    path: `/terms/${term.slug}`,
  })
  return {
    ...base,
    openGraph: {
      ...base.openGraph,
      type: 'article',
      modifiedTime: term.updatedAt,
      publishedTime: term.createdAt,
      ...(term.category ? { section: term.category.name } : {}),
      ...(term.aliases.length > 0 ? { tags: term.aliases } : {}),
    },
  }
}

export function categoryIndexMetadata(): Metadata {
  return pageMetadata({
    title: 'Categories',
    description: 'Cloud-computing terms grouped by category: compute, storage, networking, security and more.',
    path: '/categories',
  })
}

export function categoryPageMetadata(category: Pick<CategoryView, 'name' | 'slug' | 'description' | 'termCount'>): Metadata {
  return pageMetadata({
    title: `${category.name} terms`,
    description:
      category.description?.trim() ||
      `${category.termCount} ${category.name.toLowerCase()} terms explained in plain language, with the matching AWS, Azure, Google Cloud and OCI services.`,
    path: `/categories/${category.slug}`,
  })
}

export function providerIndexMetadata(): Metadata {
  return pageMetadata({
    title: 'Cloud providers',
    description: 'AWS, Azure, Google Cloud and Oracle Cloud: every service Cloudlex maps, each linked to the term it implements.',
    path: '/providers',
  })
}

export function providerPageMetadata(provider: Pick<ProviderView, 'name' | 'fullName' | 'slug' | 'termCount'>): Metadata {
  return pageMetadata({
    title: `${provider.fullName} services`,
    description: `${provider.termCount} ${provider.fullName} services and the cloud-computing terms they implement, with their equivalents on the other major clouds.`,
    path: `/providers/${provider.slug}`,
  })
}

export function compareMetadata(): Metadata {
  return pageMetadata({
    title: 'Compare cloud services across AWS, Azure, Google Cloud and OCI',
    description:
      'Every Cloudlex term side by side across AWS, Azure, Google Cloud and Oracle Cloud, with how closely each service matches. Download as CSV or JSON.',
    path: '/compare',
  })
}

/** Result pages are for readers, not for search engines: kept out of the index, links still followed. */
export function searchMetadata(query: string): Metadata {
  const trimmed = query.trim()
  return {
    ...pageMetadata({
      title: trimmed ? `Search: ${trimmed}` : 'Search',
      description: 'Search Cloudlex terms, aliases, definitions, provider services and FAQs.',
      path: '/search',
    }),
    robots: { index: false, follow: true },
  }
}
