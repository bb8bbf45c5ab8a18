import { beforeEach, describe, expect, it, vi } from 'vitest'

import { robotsRules } from '@/lib/robots-rules'
import { sitemapEntries } from '@/lib/sitemap-entries'

import { CLOUDTRAIL, IAM, SITE_URL, siteContent, VPC } from './fixtures/site-content'

beforeEach(() => {
  vi.stubEnv('SERVER_URL', `${SITE_URL}/`)
})

describe('the sitemap', () => {
  it('lists the index pages, every category, provider and term with absolute URLs', () => {
    const urls = sitemapEntries(siteContent([CLOUDTRAIL, VPC, IAM])).map((entry) => entry.url)
    expect(urls).toEqual([
      `${SITE_URL}/`,
      `${SITE_URL}/terms`,
      `${SITE_URL}/compare`,
      `${SITE_URL}/categories`,
      `${SITE_URL}/categories/security`,
      `${SITE_URL}/categories/networking`,
      `${SITE_URL}/providers`,
      `${SITE_URL}/providers/aws`,
      `${SITE_URL}/providers/azure`,
      `${SITE_URL}/terms/cloudtrail`,
      `${SITE_URL}/terms/iam`,
      `${SITE_URL}/terms/vpc`,
    ])
  })

  it('dates each term by its last update and each listing page by the newest term it shows', () => {
    const entries = new Map(sitemapEntries(siteContent([CLOUDTRAIL, VPC, IAM])).map((entry) => [entry.url, entry.lastModified]))
    expect(entries.get(`${SITE_URL}/terms/vpc`)).toBe('2026-02-10T08:00:00.000Z')
    expect(entries.get(`${SITE_URL}/terms/cloudtrail`)).toBe('2026-03-05T12:30:00.000Z')
    expect(entries.get(`${SITE_URL}/`)).toBe('2026-03-05T12:30:00.000Z')
    expect(entries.get(`${SITE_URL}/categories/networking`)).toBe('2026-02-10T08:00:00.000Z')
    // IAM lists AWS with no equivalent service, so only CloudTrail dates the AWS page.
    expect(entries.get(`${SITE_URL}/providers/aws`)).toBe('2026-03-05T12:30:00.000Z')
    expect(entries.get(`${SITE_URL}/providers/azure`)).toBe('2026-03-05T12:30:00.000Z')
  })

  it('lists only what the snapshot holds, so an unpublished term is absent', () => {
    const urls = sitemapEntries(siteContent([VPC])).map((entry) => entry.url)
    expect(urls).not.toContain(`${SITE_URL}/terms/cloudtrail`)
    expect(urls).not.toContain(`${SITE_URL}/categories/security`)
  })

  it('dates the pages of a site with no terms by when the snapshot was built', () => {
    const entries = sitemapEntries(siteContent([], '2026-05-01T00:00:00.000Z'))
    expect(entries.find((entry) => entry.url === `${SITE_URL}/`)?.lastModified).toBe('2026-05-01T00:00:00.000Z')
    expect(entries.some((entry) => entry.url.includes('/terms/'))).toBe(false)
  })
})

describe('robots.txt rules', () => {
  it('allows the site, keeps crawlers out of the admin, the API and preview routes, and names the sitemap', () => {
    expect(robotsRules()).toEqual({
      rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/next'] }],
      sitemap: `${SITE_URL}/sitemap.xml`,
    })
  })
})
