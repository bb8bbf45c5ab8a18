// The newest published terms for the home page's lists: a fixed number read by creation or update time,
// whatever the size of the glossary. The feeds read theirs in src/seo/feed-documents.ts.
import type { Payload } from 'payload'

import { cachedRead } from '@/site-cache/cached-read'
import { CATEGORY_LIST_TAG, TERM_LISTS_TAG } from '@/site-cache/cache-tags'
import { getPayloadClient } from '@/site-data/payload-client'
import { recentlyAddedTerms, recentlyUpdatedTerms } from '@/site-data/recent-term-lists'

import { findPublishedTerms, TERM_LIST_SELECT, toTermListEntry, type TermListEntry } from './published-terms'
import { categoryRefsById, readCategories } from './taxonomy'

export const HOME_LIST_LENGTH = 6
/** How far back by update time the home page looks for terms edited after they were added. */
const RECENT_UPDATE_WINDOW = 30

type DatedEntry = TermListEntry & { createdAt: string; updatedAt: string }

async function readNewest(payload: Payload, sort: '-createdAt' | '-updatedAt', count: number): Promise<DatedEntry[]> {
  const [result, categories] = await Promise.all([
    findPublishedTerms(payload, {
      where: {},
      page: 1,
      perPage: count,
      sort: [sort, 'slug'],
      select: { ...TERM_LIST_SELECT, createdAt: true, updatedAt: true },
    }),
    readCategories(payload),
  ])
  const byId = categoryRefsById(categories)
  return result.docs.map((term) => ({
    ...toTermListEntry(term, byId),
    createdAt: term.createdAt,
    updatedAt: term.updatedAt,
  }))
}

export type HomeRecentTerms = { added: DatedEntry[]; updated: DatedEntry[] }

export async function readHomeRecentTerms(payload: Payload): Promise<HomeRecentTerms> {
  const [newest, latestUpdates] = await Promise.all([
    readNewest(payload, '-createdAt', HOME_LIST_LENGTH),
    readNewest(payload, '-updatedAt', RECENT_UPDATE_WINDOW),
  ])
  const added = recentlyAddedTerms(newest, HOME_LIST_LENGTH)
  return { added, updated: recentlyUpdatedTerms(latestUpdates, HOME_LIST_LENGTH, added) }
}

export function getHomeRecentTerms(): Promise<HomeRecentTerms> {
  return cachedRead(['home-recent-terms'], [TERM_LISTS_TAG, CATEGORY_LIST_TAG], async () =>
    readHomeRecentTerms(await getPayloadClient()),
  )
}
