// Title, description, canonical URL and social-card metadata for each kind of public page. Pages call
// these from `metadata`/`generateMetadata`; the social images come from the opengraph-image routes.
import type { Metadata } from 'next'

import { SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from './site-identity'
import {
  categoryPath,
  CATEGORY_INDEX_PATH,
  compareCategoryPath,
  COMPARE_PATH,
  FIRST_INDEX_LETTER,
  letterPath,
  PROVIDER_INDEX_PATH,
  providerPath,
  termPath,
  type IndexLetter,
} from '../routes/site-routes'
import { absoluteUrl } from '../routes/site-url'
import { META_DESCRIPTION_LENGTH, termMetaDescription, truncateAtWord } from '../site-data/term-summary'
import type { TermView } from '../site-data/term-view'

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
    openGraph: {
      type: 'website',
      siteName: SITE_NAME,
      locale: 'en',
      url,
      title: socialTitle,
      description: shortDescription,
    },
    twitter: { card: 'summary_large_image', title: socialTitle, description: shortDescription },
  }
}

export function homeMetadata(): Metadata {
  return pageMetadata({ title: SITE_TITLE, absoluteTitle: true, description: SITE_DESCRIPTION, path: '/' })
}

/** " (page 2)" after the title of every page of a list but its first, so each page has its own title. */
const pageSuffix = (page: number) => (page > 1 ? ` (page ${page})` : '')

/** The A–Z index: /terms (letter A, page 1) and each page of every letter. */
export function termIndexMetadata(termCount: number, letter: IndexLetter = FIRST_INDEX_LETTER, page = 1): Metadata {
  const home = letter === FIRST_INDEX_LETTER && page === 1
  const letterName = letter === '#' ? 'a digit or symbol' : letter
  return pageMetadata({
    title: home
      ? 'A–Z index of cloud-computing terms'
      : `Cloud-computing terms starting with ${letterName}${pageSuffix(page)}`,
    description: `All ${termCount} Cloudlex terms from A to Z, filterable by category, difficulty and provider, each with its AWS, Azure, Google Cloud and OCI services.`,
    path: letterPath(letter, page),
  })
}

export function termPageMetadata(term: TermView): Metadata {
  const base = pageMetadata({
    title: term.seoTitle ?? term.title,
    description: term.seoDescription ?? termMetaDescription(term),
    path: termPath(term.slug),
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
    path: CATEGORY_INDEX_PATH,
  })
}

type CategoryFacts = { name: string; slug: string; description: string | null; termCount: number }

export function categoryPageMetadata(category: CategoryFacts, page = 1): Metadata {
  return pageMetadata({
    title: `${category.name} terms${pageSuffix(page)}`,
    description:
      category.description?.trim() ||
      `${category.termCount} ${category.name.toLowerCase()} terms explained in plain language, with the matching AWS, Azure, Google Cloud and OCI services.`,
    path: categoryPath(category.slug, page),
  })
}

export function providerIndexMetadata(): Metadata {
  return pageMetadata({
    title: 'Cloud providers',
    description:
      'AWS, Azure, Google Cloud and Oracle Cloud: every service Cloudlex maps, each linked to the term it implements.',
    path: PROVIDER_INDEX_PATH,
  })
}

type ProviderFacts = { name: string; fullName: string; slug: string; termCount: number }

export function providerPageMetadata(provider: ProviderFacts, page = 1): Metadata {
  return pageMetadata({
    title: `${provider.fullName} services${pageSuffix(page)}`,
    description: `${provider.termCount} ${provider.fullName} services and the cloud-computing terms they implement, with their equivalents on the other major clouds.`,
    path: providerPath(provider.slug, page),
  })
}

/**
 * /compare, or one page of a category's matrix. /compare shows the first category's first page, so
 * that page names /compare as its canonical address.
 */
export function compareMetadata(category?: { name: string; slug: string; isFirst: boolean }, page = 1): Metadata {
  const ofCategory = category && !(category.isFirst && page === 1) ? category : null
  return pageMetadata({
    title: ofCategory
      ? `Compare ${ofCategory.name} services across clouds${pageSuffix(page)}`
      : 'Compare cloud services across AWS, Azure, Google Cloud and OCI',
    description:
      'Every Cloudlex term side by side across AWS, Azure, Google Cloud and Oracle Cloud, with how closely each service matches. Download as CSV or JSON.',
    path: ofCategory ? compareCategoryPath(ofCategory.slug, page) : COMPARE_PATH,
  })
}

/** A filtered view is for readers, not for search engines: kept out of the index, links still followed. */
export function filteredViewMetadata(metadata: Metadata): Metadata {
  return { ...metadata, robots: { index: false, follow: true } }
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
