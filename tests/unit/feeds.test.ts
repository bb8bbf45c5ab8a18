import { beforeEach, describe, expect, it, vi } from 'vitest'

import { buildAtomFeed, buildJsonFeed, FEED_LENGTH, type FeedContent } from '@/seo/feeds'
import type { TermView } from '@/site-data/term-view'

import { CLOUDTRAIL, IAM, SITE_URL, term, VPC } from './support/site-content'

beforeEach(() => {
  vi.stubEnv('SERVER_URL', SITE_URL)
})

type JsonFeed = {
  version: string
  title: string
  home_page_url: string
  feed_url: string
  language: string
  authors: { name: string }[]
  items: {
    id: string
    url: string
    title: string
    summary: string
    content_html: string
    date_modified: string
    date_published: string
    tags?: string[]
  }[]
}

/** The feed's terms as the database hands them over: newest update first. */
function feedOf(terms: TermView[], builtAt = '2026-04-01T00:00:00.000Z'): FeedContent {
  return { terms: [...terms].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), builtAt }
}

describe('the feeds’ length', () => {
  it('keeps at most FEED_LENGTH entries, in the order given', () => {
    const terms = Array.from({ length: 40 }, (_, index) => term({ title: `Term ${index}`, slug: `term-${index}` }))
    const xml = buildAtomFeed({ terms, builtAt: '2026-04-01T00:00:00.000Z' })
    expect(xml.split('<entry>')).toHaveLength(FEED_LENGTH + 1)
    expect(xml.split('<entry>')[1]).toContain('/terms/term-0</id>')
  })
})

describe('the Atom feed', () => {
  it('has one entry per recent term with its link, updated date, summary and category', () => {
    const xml = buildAtomFeed(feedOf([IAM, CLOUDTRAIL, VPC]))
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/)
    expect(xml).toContain(`<link rel="self" href="${SITE_URL}/feed.xml"/>`)
    expect(xml).toContain('<updated>2026-03-05T12:30:00.000Z</updated>')
    const entries = xml.split('<entry>').slice(1)
    expect(entries).toHaveLength(3)
    // Newest first: CloudTrail, then VPC, then IAM.
    expect(entries[0]).toContain(`<id>${SITE_URL}/terms/cloudtrail</id>`)
    expect(entries[0]).toContain(`<link href="${SITE_URL}/terms/cloudtrail"/>`)
    expect(entries[0]).toContain('<updated>2026-03-05T12:30:00.000Z</updated>')
    expect(entries[0]).toContain(
      '<summary type="html"><![CDATA[AWS service that records all API calls made in your account for security and compliance. It keeps a history.]]></summary>',
    )
    expect(entries[0]).not.toContain('Trails can deliver logs to S3')
    expect(entries[0]).toMatch(/<category label="Security" scheme="[^"]+\/categories\/" term="security"\/>/)
    expect(entries[1]).toContain(`/terms/vpc</id>`)
    expect(entries[2]).toContain(`/terms/iam</id>`)
  })

  it('escapes markup in titles and summaries so it shows as text', () => {
    const tricky = term({ title: 'A <b> & B', slug: 'a-b', definition: 'Uses <script>alert(1)</script> ]]> & more.' })
    const xml = buildAtomFeed(feedOf([tricky]))
    expect(xml).toContain('<![CDATA[A &lt;b&gt; &amp; B]]>')
    expect(xml).toContain('<![CDATA[Uses &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; more.]]>')
    expect(xml).not.toContain('<script>')
  })

  it('is dated by when it was made when there are no terms', () => {
    const xml = buildAtomFeed(feedOf([], '2026-05-01T00:00:00.000Z'))
    expect(xml).toContain('<updated>2026-05-01T00:00:00.000Z</updated>')
    expect(xml).not.toContain('<entry>')
  })
})

describe('the JSON Feed', () => {
  it('is a JSON Feed 1.1 document of the recent terms', () => {
    const feed = JSON.parse(buildJsonFeed(feedOf([IAM, CLOUDTRAIL, VPC]))) as JsonFeed
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.title).toBe('Cloudlex')
    expect(feed.home_page_url).toBe(`${SITE_URL}/`)
    expect(feed.feed_url).toBe(`${SITE_URL}/feed.json`)
    expect(feed.language).toBe('en')
    expect(feed.authors).toEqual([{ name: 'Cloudlex', url: SITE_URL }])
    expect(feed).not.toHaveProperty('author')
    expect(feed.items.map((item) => item.id)).toEqual([
      `${SITE_URL}/terms/cloudtrail`,
      `${SITE_URL}/terms/vpc`,
      `${SITE_URL}/terms/iam`,
    ])
    const [cloudtrail] = feed.items
    expect(cloudtrail).toMatchObject({
      url: `${SITE_URL}/terms/cloudtrail`,
      title: 'CloudTrail',
      summary:
        'AWS service that records all API calls made in your account for security and compliance. It keeps a history.',
      content_html:
        '<p>AWS service that records all API calls made in your account for security and compliance. It keeps a history.</p>',
      date_modified: '2026-03-05T12:30:00.000Z',
      date_published: '2026-01-01T10:00:00.000Z',
      tags: ['Security'],
    })
  })

  it('keeps titles plain and escapes the HTML content', () => {
    const tricky = term({ title: 'A <b> & B', slug: 'a-b', definition: 'Uses <i>markup</i>.' })
    const [item] = (JSON.parse(buildJsonFeed(feedOf([tricky]))) as JsonFeed).items
    expect(item!.title).toBe('A <b> & B')
    expect(item!.summary).toBe('Uses <i>markup</i>.')
    expect(item!.content_html).toBe('<p>Uses &lt;i&gt;markup&lt;/i&gt;.</p>')
  })
})
