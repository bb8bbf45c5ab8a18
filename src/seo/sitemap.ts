// What the sitemap files list, read as the anonymous public so drafts never appear: the term count (for
// the index), the newest update per category and provider (one query each), and the slugs and update
// times of one file's worth of terms. Each file is cached whole with its ETag.
import type { Payload, Where } from 'payload'

import { cachedRead, type CachedDocument } from '@/site-cache/cached-read'
import { CATEGORY_LIST_TAG, PROVIDER_LIST_TAG, TERM_LISTS_TAG } from '@/site-cache/cache-tags'
import { etagOf } from '@/http/conditional-response'
import { getPayloadClient } from '@/site-data/payload-client'
import { categoryPath, providerPath, termPath } from '@/routes/site-routes'
import {
  listPageEntries,
  renderSitemapIndex,
  renderUrlSet,
  sitemapFiles,
  URLS_PER_TERM_SITEMAP,
  type SitemapEntry,
  type SitemapFile,
} from '@/seo/sitemap-entries'

import { countPublishedTerms, findPublishedTerms, TITLE_ORDER } from '../site-data/published-terms'
import { readCategories, readProviders } from '../site-data/taxonomy'
import { getPublishedTermCount, readLetterCounts } from '../site-data/term-index'

async function newestUpdate(payload: Payload, where: Where): Promise<string | null> {
  const { docs } = await findPublishedTerms(payload, {
    where,
    page: 1,
    perPage: 1,
    sort: '-updatedAt',
    select: { updatedAt: true },
  })
  return docs[0]?.updatedAt ?? null
}

export async function readListPageEntries(payload: Payload): Promise<SitemapEntry[]> {
  const [categories, providers, letters, siteUpdated] = await Promise.all([
    readCategories(payload),
    readProviders(payload),
    readLetterCounts(payload),
    newestUpdate(payload, {}),
  ])
  const [categoryDates, providerDates] = await Promise.all([
    Promise.all(categories.map((category) => newestUpdate(payload, { category: { equals: category.id } }))),
    Promise.all(providers.map((provider) => newestUpdate(payload, { providersWithService: { in: [provider.id] } }))),
  ])
  // A category or provider with no published term has no page worth listing.
  return listPageEntries({
    siteUpdated: siteUpdated ?? new Date().toISOString(),
    categories: categories.flatMap((category, index) =>
      categoryDates[index] ? [{ path: categoryPath(category.slug), updated: categoryDates[index] }] : [],
    ),
    providers: providers.flatMap((provider, index) =>
      providerDates[index] ? [{ path: providerPath(provider.slug), updated: providerDates[index] }] : [],
    ),
    letters: letters.filter(({ count }) => count > 0).map(({ letter }) => letter),
  })
}

/** One term file: URLS_PER_TERM_SITEMAP terms in title order, read in one query of slugs and dates. */
export async function readTermSitemapEntries(payload: Payload, part: number): Promise<SitemapEntry[]> {
  const { docs } = await findPublishedTerms(payload, {
    where: {},
    page: part,
    perPage: URLS_PER_TERM_SITEMAP,
    sort: TITLE_ORDER,
    select: { slug: true, updatedAt: true },
  })
  return docs.map((term) => ({ path: termPath(term.slug), lastModified: term.updatedAt }))
}

export async function readSitemapIndex(payload: Payload): Promise<string> {
  const [termCount, siteUpdated] = await Promise.all([countPublishedTerms(payload), newestUpdate(payload, {})])
  return renderSitemapIndex(sitemapFiles(termCount).map((file) => ({ file, lastModified: siteUpdated })))
}

const SITEMAP_TAGS = [TERM_LISTS_TAG, CATEGORY_LIST_TAG, PROVIDER_LIST_TAG]

function cachedDocument(
  key: (string | number)[],
  render: (payload: Payload) => Promise<string>,
): Promise<CachedDocument> {
  return cachedRead(key, SITEMAP_TAGS, async () => {
    const body = await render(await getPayloadClient())
    return { body, etag: etagOf(body) }
  })
}

export function getSitemapIndex(): Promise<CachedDocument> {
  return cachedDocument(['sitemap-index'], readSitemapIndex)
}

/** A sitemap file, or null when the index does not list it (a part past the last term). */
export async function getSitemapFile(file: SitemapFile): Promise<CachedDocument | null> {
  if (file.kind === 'pages')
    return cachedDocument(['sitemap-pages'], async (payload) => renderUrlSet(await readListPageEntries(payload)))
  const termCount = await getPublishedTermCount()
  if (!sitemapFiles(termCount).some((listed) => listed.kind === 'terms' && listed.part === file.part)) return null
  return cachedDocument(['sitemap-terms', file.part], async (payload) =>
    renderUrlSet(await readTermSitemapEntries(payload, file.part)),
  )
}
