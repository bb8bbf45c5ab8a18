import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { JsonLd } from '@/components/site/json-ld'

import { categoryBreadcrumbs, providerBreadcrumbs } from '@/seo/breadcrumbs'
import {
  breadcrumbListData,
  faqPageData,
  homePageStructuredData,
  serializeJsonLd,
  termIndexStructuredData,
  termPageStructuredData,
} from '@/seo/structured-data'

import { CLOUDTRAIL, faq, IAM, SITE_URL, VPC } from './support/site-content'

beforeEach(() => {
  vi.stubEnv('SERVER_URL', SITE_URL)
})

describe('term page structured data', () => {
  it('describes the term as a DefinedTerm in the Cloudlex DefinedTermSet', () => {
    const [definedTerm] = termPageStructuredData(CLOUDTRAIL)
    expect(definedTerm).toEqual({
      '@context': 'https://schema.org',
      '@type': 'DefinedTerm',
      '@id': `${SITE_URL}/terms/cloudtrail#term`,
      name: 'CloudTrail',
      description:
        'AWS service that records all API calls made in your account for security and compliance. It keeps a history.',
      url: `${SITE_URL}/terms/cloudtrail`,
      termCode: 'cloudtrail',
      alternateName: ['AWS CloudTrail'],
      inDefinedTermSet: {
        '@type': 'DefinedTermSet',
        '@id': `${SITE_URL}/terms#glossary`,
        name: 'Cloudlex glossary of cloud-computing terms',
        url: `${SITE_URL}/terms`,
      },
    })
  })

  it('adds an FAQPage for the FAQs and the breadcrumbs Home › A–Z › term', () => {
    const types = termPageStructuredData(CLOUDTRAIL).map((data) => data['@type'])
    expect(types).toEqual(['DefinedTerm', 'FAQPage', 'BreadcrumbList'])
    const breadcrumbs = termPageStructuredData(CLOUDTRAIL)[2]!
    expect(breadcrumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE_URL}/` },
      { '@type': 'ListItem', position: 2, name: 'A–Z', item: `${SITE_URL}/terms` },
      { '@type': 'ListItem', position: 3, name: 'CloudTrail', item: `${SITE_URL}/terms/cloudtrail` },
    ])
  })

  it('leaves out the FAQPage and alternate names when the term has none', () => {
    const data = termPageStructuredData(VPC)
    expect(data.map((item) => item['@type'])).toEqual(['DefinedTerm', 'BreadcrumbList'])
    expect(data[0]).not.toHaveProperty('alternateName')
  })
})

describe('FAQPage', () => {
  it('lists each answered question with its plain-text answer', () => {
    expect(faqPageData([faq(' What is it? ', 'A log.'), faq('Unanswered?', '  ')])).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: 'What is it?', acceptedAnswer: { '@type': 'Answer', text: 'A log.' } }],
    })
  })

  it('is null when no question has an answer', () => {
    expect(faqPageData([faq('Unanswered?', '')])).toBeNull()
    expect(faqPageData([])).toBeNull()
  })
})

describe('breadcrumbs of the other pages', () => {
  it('go Home › Categories › category and Home › Providers › provider', () => {
    const names = (crumbs: ReturnType<typeof breadcrumbListData>) =>
      (crumbs.itemListElement as { name: string; item: string }[]).map((item) => `${item.name} ${item.item}`)
    expect(names(breadcrumbListData(categoryBreadcrumbs({ name: 'Security', slug: 'security' })))).toEqual([
      `Home ${SITE_URL}/`,
      `Categories ${SITE_URL}/categories`,
      `Security ${SITE_URL}/categories/security`,
    ])
    expect(names(breadcrumbListData(providerBreadcrumbs({ name: 'Azure', slug: 'azure' })))).toEqual([
      `Home ${SITE_URL}/`,
      `Providers ${SITE_URL}/providers`,
      `Azure ${SITE_URL}/providers/azure`,
    ])
  })
})

describe('home and A–Z index structured data', () => {
  it('offers the site search to search engines from the home page', () => {
    const [website] = homePageStructuredData()
    expect(website).toMatchObject({
      '@type': 'WebSite',
      url: `${SITE_URL}/`,
      potentialAction: { target: { urlTemplate: `${SITE_URL}/search?q={search_term_string}` } },
    })
  })

  it('presents a page of the A–Z index as the glossary with the terms that page lists', () => {
    const [glossary] = termIndexStructuredData([CLOUDTRAIL, IAM])
    expect(glossary).toMatchObject({ '@type': 'DefinedTermSet', '@id': `${SITE_URL}/terms#glossary` })
    // By reference: each term page describes its DefinedTerm under the same @id.
    expect(glossary!.hasDefinedTerm).toEqual([
      { '@id': `${SITE_URL}/terms/cloudtrail#term` },
      { '@id': `${SITE_URL}/terms/iam#term` },
    ])
  })
})

describe('JSON-LD serialization', () => {
  it('cannot close the script element or open a comment, and still parses to the same data', () => {
    const data = { name: '</script><script>alert(1)</script><!-- & -->' }
    const json = serializeJsonLd(data)
    expect(json).not.toMatch(/[<>&]/)
    expect(JSON.parse(json)).toEqual(data)
  })
})

describe('<JsonLd>', () => {
  it('renders one inert ld+json script whose content parses back to the data', () => {
    const data = [{ '@type': 'Thing', name: 'a </script><img src=x onerror=alert(1)>' }]
    const html = renderToStaticMarkup(createElement(JsonLd, { data }))
    const match = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html)
    expect(match, html).not.toBeNull()
    expect(match![1]).not.toContain('<')
    expect(JSON.parse(match![1]!)).toEqual(data)
  })
})
