import { beforeEach, describe, expect, it, vi } from 'vitest'

import { robotsRules } from '@/seo/robots-rules'
import {
  listPageEntries,
  parseSitemapFile,
  renderSitemapIndex,
  renderUrlSet,
  sitemapFileName,
  sitemapFiles,
  termSitemapCount,
  URLS_PER_TERM_SITEMAP,
} from '@/seo/sitemap-entries'

const SITE_URL = 'https://cloudlex.example'

beforeEach(() => {
  vi.stubEnv('SERVER_URL', `${SITE_URL}/`)
})

describe('the sitemap files', () => {
  it('split the terms into files of at most URLS_PER_TERM_SITEMAP, far under the protocol’s 50,000', () => {
    expect(URLS_PER_TERM_SITEMAP).toBeLessThanOrEqual(50_000)
    expect(termSitemapCount(0)).toBe(0)
    expect(termSitemapCount(URLS_PER_TERM_SITEMAP)).toBe(1)
    expect(termSitemapCount(URLS_PER_TERM_SITEMAP + 1)).toBe(2)
    expect(termSitemapCount(100_000)).toBe(Math.ceil(100_000 / URLS_PER_TERM_SITEMAP))
    expect(sitemapFiles(URLS_PER_TERM_SITEMAP * 2 + 3).map(sitemapFileName)).toEqual([
      'pages',
      'terms-1',
      'terms-2',
      'terms-3',
    ])
  })

  it('read a file name back from its address and nothing else', () => {
    expect(parseSitemapFile('pages.xml')).toEqual({ kind: 'pages' })
    expect(parseSitemapFile('terms-12.xml')).toEqual({ kind: 'terms', part: 12 })
    for (const other of [
      'terms-0.xml',
      'terms-01.xml',
      'terms-1',
      'terms-1.xml.gz',
      '../pages.xml',
      'terms-9999999.xml',
      'pages',
    ]) {
      expect(parseSitemapFile(other), other).toBeNull()
    }
  })

  it('list the index pages, each letter’s first page, and the categories and providers with their own dates', () => {
    const entries = listPageEntries({
      siteUpdated: '2026-03-05T12:30:00.000Z',
      categories: [{ path: '/categories/security', updated: '2026-02-01T00:00:00.000Z' }],
      providers: [{ path: '/providers/aws', updated: '2026-03-01T00:00:00.000Z' }],
      letters: ['A', 'C', '#'],
    })
    expect(entries).toEqual([
      { path: '/', lastModified: '2026-03-05T12:30:00.000Z' },
      { path: '/terms', lastModified: '2026-03-05T12:30:00.000Z' },
      { path: '/terms/letter/c', lastModified: null },
      { path: '/terms/letter/other', lastModified: null },
      { path: '/compare', lastModified: '2026-03-05T12:30:00.000Z' },
      { path: '/categories', lastModified: '2026-03-05T12:30:00.000Z' },
      { path: '/categories/security', lastModified: '2026-02-01T00:00:00.000Z' },
      { path: '/providers', lastModified: '2026-03-05T12:30:00.000Z' },
      { path: '/providers/aws', lastModified: '2026-03-01T00:00:00.000Z' },
    ])
  })

  it('render a urlset with absolute, escaped addresses and ISO dates', () => {
    const xml = renderUrlSet([
      { path: '/terms/a&b', lastModified: '2026-02-10T08:00:00Z' },
      { path: '/terms/letter/b', lastModified: null },
    ])
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        `<url>\n<loc>${SITE_URL}/terms/a&amp;b</loc>\n<lastmod>2026-02-10T08:00:00.000Z</lastmod>\n</url>\n` +
        `<url>\n<loc>${SITE_URL}/terms/letter/b</loc>\n</url>\n</urlset>\n`,
    )
  })

  it('render an index that points at each file', () => {
    const xml = renderSitemapIndex(sitemapFiles(1).map((file) => ({ file, lastModified: '2026-02-10T08:00:00.000Z' })))
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])).toEqual([
      `${SITE_URL}/sitemap/pages.xml`,
      `${SITE_URL}/sitemap/terms-1.xml`,
    ])
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
