// schema.org JSON-LD for the public pages, built from what each page reads (never a list of the whole
// glossary). Pure functions: the pages render what these return through <JsonLd>.
import { absoluteUrl } from '../routes/site-url'
import {
  categoryBreadcrumbs,
  compareBreadcrumbs,
  providerBreadcrumbs,
  termBreadcrumbs,
  termIndexBreadcrumbs,
  type Crumb,
} from './breadcrumbs'
import { GLOSSARY_NAME, SITE_DESCRIPTION, SITE_NAME } from './site-identity'
import { termSummary } from '../site-data/term-summary'
import { termPath } from '../routes/site-routes'
import type { CategoryRef, FaqView, ProviderRef, TermRef, TermView } from '../site-data/term-view'

export type JsonLdObject = { '@context'?: 'https://schema.org'; '@type': string } & Record<string, unknown>

const CONTEXT = 'https://schema.org' as const

/** The glossary every term belongs to; its @id lets each DefinedTerm point at the same set. */
export function glossaryReference(): JsonLdObject {
  return {
    '@type': 'DefinedTermSet',
    '@id': `${absoluteUrl('/terms')}#glossary`,
    name: GLOSSARY_NAME,
    url: absoluteUrl('/terms'),
  }
}

export function definedTermData(term: TermView): JsonLdObject {
  const url = absoluteUrl(termPath(term.slug))
  return {
    '@context': CONTEXT,
    '@type': 'DefinedTerm',
    '@id': `${url}#term`,
    name: term.title,
    description: termSummary(term),
    url,
    termCode: term.slug,
    ...(term.aliases.length > 0 ? { alternateName: term.aliases } : {}),
    inDefinedTermSet: glossaryReference(),
  }
}

/** Null when no FAQ has an answer: an empty FAQPage is invalid structured data. */
export function faqPageData(faqs: readonly FaqView[]): JsonLdObject | null {
  const answered = faqs.filter((faq) => faq.question.trim() && faq.answerText.trim())
  if (answered.length === 0) return null
  return {
    '@context': CONTEXT,
    '@type': 'FAQPage',
    mainEntity: answered.map((faq) => ({
      '@type': 'Question',
      name: faq.question.trim(),
      acceptedAnswer: { '@type': 'Answer', text: faq.answerText.trim() },
    })),
  }
}

export function breadcrumbListData(crumbs: readonly Crumb[]): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  }
}

/** Everything a term page embeds: the term in its glossary, its FAQs when it has any, the breadcrumbs. */
export function termPageStructuredData(term: TermView): JsonLdObject[] {
  const faqPage = faqPageData(term.faqs)
  return [definedTermData(term), ...(faqPage ? [faqPage] : []), breadcrumbListData(termBreadcrumbs(term))]
}

/** The home page: the site, with the search box search engines may offer in their results. */
export function homePageStructuredData(): JsonLdObject[] {
  return [
    {
      '@context': CONTEXT,
      '@type': 'WebSite',
      '@id': `${absoluteUrl('/')}#website`,
      name: SITE_NAME,
      description: SITE_DESCRIPTION,
      url: absoluteUrl('/'),
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl('/search')}?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    },
  ]
}

/**
 * A page of the A–Z index is part of the glossary: the set, with the terms this page lists (a page at
 * a time, so the data stays as small as the page however large the glossary grows). Each term is named
 * by reference only; its own page describes it under the same @id.
 */
export function termIndexStructuredData(
  terms: readonly Pick<TermRef, 'slug'>[],
  crumbs: readonly Crumb[] = termIndexBreadcrumbs(),
): JsonLdObject[] {
  return [
    {
      '@context': CONTEXT,
      ...glossaryReference(),
      description: SITE_DESCRIPTION,
      hasDefinedTerm: terms.map((term) => ({ '@id': `${absoluteUrl(termPath(term.slug))}#term` })),
    },
    breadcrumbListData(crumbs),
  ]
}

export function categoryPageStructuredData(category: CategoryRef): JsonLdObject[] {
  return [breadcrumbListData(categoryBreadcrumbs(category))]
}

export function providerPageStructuredData(provider: Pick<ProviderRef, 'name' | 'slug'>): JsonLdObject[] {
  return [breadcrumbListData(providerBreadcrumbs(provider))]
}

export function comparePageStructuredData(): JsonLdObject[] {
  return [breadcrumbListData(compareBreadcrumbs())]
}

/**
 * JSON for a <script type="application/ld+json"> element. "<" is written as \u003c so no value can
 * close the script element or open a comment; ">" and "&" likewise, so the text is inert as HTML.
 */
export function serializeJsonLd(data: object | readonly object[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}
