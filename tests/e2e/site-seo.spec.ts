// Findability against the production server: sitemap, robots.txt, feeds and social images list and
// show published content only.
import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from './support/csp-watch'
import { adminToken } from './support/staff'

const DRAFT = { title: 'Findability Draft Term', slug: 'findability-draft-term' }

let draftId = ''
let auth: Record<string, string> = {}

async function publishedUpdatedAt(request: APIRequestContext, slug: string): Promise<string> {
  const { docs } = (await (await request.get(`/api/terms?where[slug][equals]=${slug}&depth=0`)).json()) as {
    docs: { updatedAt: string }[]
  }
  expect(docs, `published term ${slug}`).toHaveLength(1)
  return docs[0]!.updatedAt
}

/** Parses XML with the browser's own parser; fails on any well-formedness error. */
async function parseXml(page: Page, xml: string) {
  await page.goto('about:blank')
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml')
    const error = doc.getElementsByTagName('parsererror')[0]
    const root = doc.documentElement
    const children = (parent: Element, name: string) => [...parent.children].filter((child) => child.localName === name)
    const text = (parent: Element, name: string) => children(parent, name)[0]?.textContent ?? null
    return {
      error: error ? error.textContent : null,
      rootName: root.localName,
      rootNamespace: root.namespaceURI,
      urls: children(root, 'url').map((url) => ({ loc: text(url, 'loc'), lastmod: text(url, 'lastmod') })),
      sitemaps: children(root, 'sitemap').map((sitemap) => text(sitemap, 'loc')),
      feedTitle: text(root, 'title'),
      feedUpdated: text(root, 'updated'),
      entries: children(root, 'entry').map((entry) => ({
        id: text(entry, 'id'),
        title: text(entry, 'title'),
        updated: text(entry, 'updated'),
        summary: text(entry, 'summary'),
        link: children(entry, 'link')[0]?.getAttribute('href') ?? null,
        category: children(entry, 'category')[0]?.getAttribute('label') ?? null,
      })),
    }
  }, xml)
}

/** Every URL of the sitemap: /sitemap.xml is an index, each file it names a urlset. */
async function sitemapLocations(page: Page): Promise<{ loc: string | null; lastmod: string | null }[]> {
  const response = await page.request.get('/sitemap.xml')
  expect(response.status()).toBe(200)
  const index = await parseXml(page, await response.text())
  expect(index.error).toBeNull()
  expect(index.rootName).toBe('sitemapindex')
  const urls: { loc: string | null; lastmod: string | null }[] = []
  for (const file of index.sitemaps) {
    const part = await parseXml(page, await (await page.request.get(new URL(file!).pathname)).text())
    expect(part.error, file!).toBeNull()
    expect(part.rootName).toBe('urlset')
    urls.push(...part.urls)
  }
  return urls
}

/** The address of a term's Open Graph image, as the term page announces it. */
async function ogImageUrl(page: Page, slug: string): Promise<string> {
  await page.goto(`/terms/${slug}`)
  const content = await page.locator('meta[property="og:image"]').first().getAttribute('content')
  expect(content, 'og:image on the term page').toBeTruthy()
  return content!
}

function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) }
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ request }) => {
  auth = { Authorization: `JWT ${await adminToken(request)}` }
  const categories = (await (await request.get('/api/categories?limit=1')).json()) as { docs: { id: string }[] }
  const created = await request.post('/api/terms?draft=true', {
    headers: auth,
    data: {
      title: DRAFT.title,
      definition: 'A term that is still being written.',
      category: categories.docs[0]!.id,
      difficulty: 'beginner',
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  const doc = ((await created.json()) as { doc: { id: string; slug: string } }).doc
  expect(doc.slug).toBe(DRAFT.slug)
  draftId = doc.id
})

test.afterAll(async ({ request }) => {
  if (draftId) await request.delete(`/api/terms/${draftId}`, { headers: auth })
})

test('the sitemap lists CloudTrail with its last update and leaves the draft out', async ({ page, baseURL }) => {
  const urls = await sitemapLocations(page)
  const cloudtrail = urls.find((url) => url.loc === `${baseURL}/terms/cloudtrail`)
  expect(cloudtrail, 'CloudTrail in the sitemap').toBeDefined()
  expect(new Date(cloudtrail!.lastmod!).getTime()).toBe(
    new Date(await publishedUpdatedAt(page.request, 'cloudtrail')).getTime(),
  )
  for (const path of ['/', '/terms', '/terms/letter/c', '/categories/security', '/providers/azure']) {
    expect(urls.map((url) => url.loc)).toContain(`${baseURL}${path}`)
  }
  expect(urls.filter((url) => url.loc?.includes('/terms/')).length).toBeGreaterThanOrEqual(50)
  expect(urls.some((url) => url.loc?.includes(DRAFT.slug))).toBe(false)
})

test('robots.txt allows the site, keeps crawlers out of admin, API and preview, and names the sitemap', async ({
  request,
  baseURL,
}) => {
  const response = await request.get('/robots.txt')
  expect(response.status()).toBe(200)
  const lines = (await response.text()).split('\n').map((line) => line.trim())
  expect(lines).toContain('User-Agent: *')
  expect(lines).toContain('Allow: /')
  for (const path of ['/admin', '/api', '/next']) expect(lines).toContain(`Disallow: ${path}`)
  expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`)
})

test('feeds, sitemap files and downloads carry an ETag and answer a conditional request with 304', async ({
  request,
}) => {
  for (const path of [
    '/feed.xml',
    '/feed.json',
    '/sitemap.xml',
    '/sitemap/pages.xml',
    '/sitemap/terms-1.xml',
    '/compare.csv',
    '/compare.json?category=security',
  ]) {
    const first = await request.get(path)
    expect(first.status(), path).toBe(200)
    const etag = first.headers().etag
    expect(etag, path).toBeTruthy()
    expect(first.headers()['cache-control'], path).toMatch(/s-maxage=\d+/)
    const again = await request.get(path, { headers: { 'if-none-match': etag! } })
    expect(again.status(), path).toBe(304)
    expect(await again.text(), path).toBe('')
    expect((await request.get(path, { headers: { 'if-none-match': '"another-version"' } })).status(), path).toBe(200)
  }
  expect((await request.get('/sitemap/terms-99.xml')).status()).toBe(404)
})

test('/favicon.ico answers with an icon, for clients that ask for it without reading the page', async ({ request }) => {
  const response = await request.get('/favicon.ico')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/x-icon')
  expect((await response.body()).readUInt16LE(2)).toBe(1)
})

test('/feed.xml is an Atom feed of recently updated published terms without the draft', async ({ page, baseURL }) => {
  const response = await page.request.get('/feed.xml')
  expect(response.headers()['content-type']).toContain('application/atom+xml')
  const body = await response.text()
  const feed = await parseXml(page, body)
  expect(feed.error).toBeNull()
  expect(feed.rootName).toBe('feed')
  expect(feed.rootNamespace).toBe('http://www.w3.org/2005/Atom')
  expect(feed.feedTitle).toBe('Cloudlex')
  expect(feed.entries).toHaveLength(30)
  for (const entry of feed.entries) {
    expect(entry.id).toMatch(new RegExp(`^${baseURL}/terms/[a-z0-9-]+$`))
    expect(entry.link).toBe(entry.id)
    expect(entry.title).toBeTruthy()
    expect(entry.summary).toBeTruthy()
    expect(Number.isNaN(Date.parse(entry.updated!))).toBe(false)
  }
  const updated = feed.entries.map((entry) => Date.parse(entry.updated!))
  expect(updated).toEqual([...updated].sort((a, b) => b - a))
  expect(feed.feedUpdated).toBe(feed.entries[0]!.updated)
  expect(body).not.toContain(DRAFT.slug)
  expect(body).not.toContain(DRAFT.title)
})

test('/feed.json is a JSON Feed 1.1 of the same terms without the draft', async ({ request, baseURL }) => {
  const response = await request.get('/feed.json')
  expect(response.headers()['content-type']).toContain('application/feed+json')
  const body = await response.text()
  const feed = JSON.parse(body) as {
    version: string
    title: string
    home_page_url: string
    feed_url: string
    items: {
      id: string
      url: string
      title: string
      summary: string
      content_html?: string
      date_modified: string
      tags?: string[]
    }[]
  }
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
  expect(feed.title).toBe('Cloudlex')
  expect(feed.home_page_url).toBe(`${baseURL}/`)
  expect(feed.feed_url).toBe(`${baseURL}/feed.json`)
  expect(feed.items).toHaveLength(30)
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string')
    expect(item.url).toMatch(new RegExp(`^${baseURL}/terms/[a-z0-9-]+$`))
    expect(item.title).toBeTruthy()
    expect(item.content_html).toBeTruthy()
    expect(Number.isNaN(Date.parse(item.date_modified))).toBe(false)
  }
  expect(body).not.toContain(DRAFT.slug)
})

test('the Open Graph image of CloudTrail is a 1200×630 PNG and a draft has none', async ({
  page,
  request,
  baseURL,
}) => {
  const imageUrl = await ogImageUrl(page, 'cloudtrail')
  expect(new URL(imageUrl).origin).toBe(baseURL)
  const image = await request.get(imageUrl)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
  expect(pngSize(await image.body())).toEqual({ width: 1200, height: 630 })

  const twitterImage = await page.locator('meta[name="twitter:image"]').first().getAttribute('content')
  expect((await request.get(twitterImage!)).headers()['content-type']).toBe('image/png')

  const draftImage = new URL(imageUrl)
  draftImage.pathname = draftImage.pathname.replace('/terms/cloudtrail/', `/terms/${DRAFT.slug}/`)
  expect(draftImage.pathname).toContain(DRAFT.slug)
  expect((await request.get(draftImage.toString())).status()).toBe(404)
})

test('publishing the draft adds it to the sitemap, the feeds and the social images', async ({
  page,
  request,
  baseURL,
}) => {
  const published = await request.patch(`/api/terms/${draftId}`, { headers: auth, data: { _status: 'published' } })
  expect(published.status()).toBe(200)

  // Cached documents follow a publish within a second or two.
  await expect(async () => {
    const urls = await sitemapLocations(page)
    expect(urls.map((url) => url.loc)).toContain(`${baseURL}/terms/${DRAFT.slug}`)
  }).toPass({ timeout: 10_000 })
  await expect(async () => {
    const feed = await parseXml(page, await (await request.get('/feed.xml')).text())
    expect(feed.entries[0]).toMatchObject({ title: DRAFT.title, summary: 'A term that is still being written.' })
    const json = (await (await request.get('/feed.json')).json()) as { items: { url: string }[] }
    expect(json.items[0]!.url).toBe(`${baseURL}/terms/${DRAFT.slug}`)
  }).toPass({ timeout: 10_000 })
  const image = await request.get(await ogImageUrl(page, DRAFT.slug))
  expect(image.status()).toBe(200)
})
