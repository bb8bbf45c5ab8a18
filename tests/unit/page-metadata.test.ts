import { beforeEach, describe, expect, it, vi } from 'vitest'

import {
  categoryPageMetadata,
  compareMetadata,
  homeMetadata,
  providerPageMetadata,
  searchMetadata,
  termIndexMetadata,
  termPageMetadata,
} from '@/seo/page-metadata'

import { CLOUDTRAIL, SITE_URL, term } from './support/site-content'

beforeEach(() => {
  vi.stubEnv('SERVER_URL', SITE_URL)
})

describe('term page metadata', () => {
  it('uses the title, the first paragraph as description and the term URL as canonical', () => {
    const metadata = termPageMetadata(CLOUDTRAIL)
    const description =
      'AWS service that records all API calls made in your account for security and compliance. It keeps a history.'
    expect(metadata.title).toBe('CloudTrail')
    expect(metadata.description).toBe(description)
    expect(metadata.alternates?.canonical).toBe(`${SITE_URL}/terms/cloudtrail`)
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      url: `${SITE_URL}/terms/cloudtrail`,
      title: 'CloudTrail · Cloudlex',
      description,
      modifiedTime: '2026-03-05T12:30:00.000Z',
      section: 'Security',
    })
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', title: 'CloudTrail · Cloudlex', description })
  })

  it('trims a long first paragraph to about 160 characters at a word boundary', () => {
    const long = term({ title: 'Long', slug: 'long', definition: `${'word '.repeat(60)}end.\n\nSecond.` })
    const description = termPageMetadata(long).description!
    expect(description.length).toBeLessThanOrEqual(160)
    expect(description.length).toBeGreaterThan(140)
    expect(description).toMatch(/word…$/)
  })

  it("prefers the editor's SEO title and description when they are set", () => {
    const metadata = termPageMetadata({
      ...CLOUDTRAIL,
      seoTitle: 'AWS CloudTrail explained',
      seoDescription: 'What CloudTrail records, and its Azure and Google Cloud counterparts.',
    })
    expect(metadata.title).toBe('AWS CloudTrail explained')
    expect(metadata.description).toBe('What CloudTrail records, and its Azure and Google Cloud counterparts.')
    expect(metadata.openGraph).toMatchObject({ title: 'AWS CloudTrail explained · Cloudlex' })
    expect(metadata.alternates?.canonical).toBe(`${SITE_URL}/terms/cloudtrail`)
  })
})

describe('metadata of the other pages', () => {
  it('gives each page kind its canonical URL', () => {
    const canonical = (metadata: { alternates?: { canonical?: unknown } | null }) => metadata.alternates?.canonical
    expect(canonical(homeMetadata())).toBe(`${SITE_URL}/`)
    expect(canonical(termIndexMetadata(50))).toBe(`${SITE_URL}/terms`)
    expect(canonical(compareMetadata())).toBe(`${SITE_URL}/compare`)
    expect(
      canonical(categoryPageMetadata({ name: 'Security', slug: 'security', description: null, termCount: 7 })),
    ).toBe(`${SITE_URL}/categories/security`)
    expect(
      canonical(providerPageMetadata({ name: 'Azure', fullName: 'Microsoft Azure', slug: 'azure', termCount: 40 })),
    ).toBe(`${SITE_URL}/providers/azure`)
  })

  it('keeps the site title whole on the home page and lets the template name the site elsewhere', () => {
    expect(homeMetadata().title).toEqual({ absolute: 'Cloudlex — cloud computing, explained' })
    expect(termIndexMetadata(50).title).toBe('A–Z index of cloud-computing terms')
    expect(termIndexMetadata(50).description).toContain('All 50 Cloudlex terms')
  })

  it('describes a category by its own description when it has one', () => {
    expect(
      categoryPageMetadata({ name: 'Security', slug: 'security', description: 'Keeping clouds safe.', termCount: 7 })
        .description,
    ).toBe('Keeping clouds safe.')
    expect(
      categoryPageMetadata({ name: 'Security', slug: 'security', description: null, termCount: 7 }).description,
    ).toMatch(/^7 security terms/)
  })

  it('gives every page of a paginated list its own address and title', () => {
    const canonical = (metadata: { alternates?: { canonical?: unknown } | null }) => metadata.alternates?.canonical
    expect(canonical(termIndexMetadata(50, 'B', 2))).toBe(`${SITE_URL}/terms/letter/b/2`)
    expect(termIndexMetadata(50, 'B', 2).title).toBe('Cloud-computing terms starting with B (page 2)')
    expect(termIndexMetadata(50, '#').title).toBe('Cloud-computing terms starting with a digit or symbol')
    expect(
      canonical(categoryPageMetadata({ name: 'Security', slug: 'security', description: null, termCount: 70 }, 3)),
    ).toBe(`${SITE_URL}/categories/security/3`)
    expect(canonical(compareMetadata({ name: 'Storage', slug: 'storage', isFirst: false }))).toBe(
      `${SITE_URL}/compare/storage`,
    )
    // /compare shows the first category's first page, so that page points there.
    expect(canonical(compareMetadata({ name: 'Compute', slug: 'compute', isFirst: true }))).toBe(`${SITE_URL}/compare`)
    expect(canonical(compareMetadata({ name: 'Compute', slug: 'compute', isFirst: true }, 2))).toBe(
      `${SITE_URL}/compare/compute/2`,
    )
  })

  it('keeps search result pages out of the index', () => {
    expect(searchMetadata('kms').robots).toEqual({ index: false, follow: true })
    expect(searchMetadata('kms').title).toBe('Search: kms')
  })
})
