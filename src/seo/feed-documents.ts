// The feeds, cached as finished documents with their ETag: the newest published terms by update time.
import type { Payload } from 'payload'

import { relationId } from '@/fields/relations'
import { etagOf } from '@/http/conditional-response'
import { cachedRead, type CachedDocument } from '@/site-cache/cached-read'
import { CATEGORY_LIST_TAG, TERM_LISTS_TAG } from '@/site-cache/cache-tags'
import { getPayloadClient } from '@/site-data/payload-client'
import { findPublishedTerms } from '@/site-data/published-terms'
import { categoryRefsById, readCategories } from '@/site-data/taxonomy'

import { buildAtomFeed, buildJsonFeed, FEED_LENGTH, type FeedTerm } from './feeds'

export async function readFeedTerms(payload: Payload): Promise<FeedTerm[]> {
  const [result, categories] = await Promise.all([
    findPublishedTerms(payload, {
      where: {},
      page: 1,
      perPage: FEED_LENGTH,
      sort: ['-updatedAt', 'slug'],
      select: { title: true, slug: true, definition: true, category: true, createdAt: true, updatedAt: true },
    }),
    readCategories(payload),
  ])
  const byId = categoryRefsById(categories)
  return result.docs.map((term) => {
    const categoryId = relationId(term.category)
    return { ...term, category: categoryId ? (byId.get(categoryId) ?? null) : null }
  })
}

const FEED_BUILDERS = { atom: buildAtomFeed, json: buildJsonFeed }

/** A feed as the bytes it is served as, with their ETag, rebuilt only when a term or category changes. */
export function getFeedDocument(flavour: keyof typeof FEED_BUILDERS): Promise<CachedDocument> {
  return cachedRead(['feed', flavour], [TERM_LISTS_TAG, CATEGORY_LIST_TAG], async () => {
    const terms = await readFeedTerms(await getPayloadClient())
    const body = FEED_BUILDERS[flavour]({ terms, builtAt: new Date().toISOString() })
    return { body, etag: etagOf(body) }
  })
}
