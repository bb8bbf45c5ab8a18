// GET /api/v1/changes: one page of the change feed (./change-feed.ts), the same for every caller.
import type { Payload } from 'payload'

import type { ChangeFeedSettings } from '@/config/env'
import {
  CATEGORY_LIST_TAG,
  categoryTag,
  PROVIDER_LIST_TAG,
  providerTag,
  TERM_LISTS_TAG,
  termIdTag,
} from '@/site-cache/cache-tags'

import { encodeCursor, type FeedCursor } from './change-cursor'
import { CURSOR_EXPIRED_DETAIL, feedCursorExpired, readFeedPage, type FeedPage } from './change-feed'
import { readLimit, readSince } from './change-parameters'
import { ChangePageSchema, type V1Change } from './change-schema'
import { problem, problemResponse } from '../http/problem'
import { refuseUnknownParameters } from './query-parameters'
import { boundedCacheTags, v1Answer } from './v1-answer'

export const CHANGES_PARAMETERS = ['since', 'limit'] as const

/**
 * A full page of the log phase cannot change: it and the row after it are settled, and a row that
 * commits later was created after them. Any other page can (a row settles, a document is published),
 * so caches must ask again each time, and the ETag makes that a 304 while nothing changed.
 */
export const FULL_PAGE_CACHE_CONTROL = 'public, max-age=86400, immutable'
export const LAST_PAGE_CACHE_CONTROL = 'no-cache'

const TAG_OF: Record<V1Change['collection'], (id: string) => string> = {
  terms: termIdTag,
  categories: categoryTag,
  providers: providerTag,
}
/** Tags every change to a document of the collection also expires (src/site-cache/cache-tags.ts). */
const LIST_TAG_OF: Record<V1Change['collection'], string> = {
  terms: TERM_LISTS_TAG,
  categories: CATEGORY_LIST_TAG,
  providers: PROVIDER_LIST_TAG,
}

/** The documents listed, or the collections listed when the documents' tags would not fit the header. */
export function feedCacheTags(items: readonly V1Change[]): string[] {
  return boundedCacheTags(
    items.map((item) => TAG_OF[item.collection](item.id)),
    items.map((item) => LIST_TAG_OF[item.collection]),
  )
}

export function feedCacheControl(from: FeedCursor | null, page: FeedPage): string {
  return from?.phase === 'log' && page.hasMore ? FULL_PAGE_CACHE_CONTROL : LAST_PAGE_CACHE_CONTROL
}

export async function answerChanges(
  request: Request,
  payload: Payload,
  settings: Pick<ChangeFeedSettings, 'settleMs'>,
): Promise<Response> {
  const refusal = refuseUnknownParameters(request, CHANGES_PARAMETERS)
  if (refusal) return refusal
  const since = readSince(request)
  if ('refusal' in since) return since.refusal
  const limit = readLimit(request)
  if ('refusal' in limit) return limit.refusal
  if (since.value && (await feedCursorExpired(payload, since.value))) {
    return problemResponse(
      problem('cursor-expired', new URL(request.url).pathname, CURSOR_EXPIRED_DETAIL, [
        { name: 'since', message: 'expired' },
      ]),
    )
  }
  const page = await readFeedPage(payload, since.value, { limit: limit.value, settleMs: settings.settleMs })
  const items = page.entries.map((entry) => entry.item)
  const answer = v1Answer(
    request,
    ChangePageSchema,
    { items, next: encodeCursor(page.next), hasMore: page.hasMore },
    feedCacheTags(items),
  )
  // This route is not behind the cache of anonymous reads (src/site-cache/anonymous-api-reads.ts): a page
  // changes as rows settle, with no change recorded that would expire it.
  answer.headers.set('cache-control', feedCacheControl(since.value, page))
  return answer
}
