// What the v1 change feed (src/api-v1/change-feed.ts) tells a consumer about a document: the event a row
// of the content-changes log carries. Only the documents a consumer keeps a copy of get events: terms,
// and the categories and providers terms name; FAQs and use cases are parts of the terms that list them.
export const FEED_COLLECTIONS = ['terms', 'categories', 'providers'] as const
export type FeedCollection = (typeof FEED_COLLECTIONS)[number]

export const CHANGE_EVENTS = ['published', 'updated', 'unpublished', 'deleted'] as const
export type ChangeEvent = (typeof CHANGE_EVENTS)[number]

/** The event of a change and the document's slug: after the change, or before it when the document leaves. */
export type RecordedEvent = { event: ChangeEvent; slug: string | null }

/**
 * The event of a change to a term, from whether its live version was public before and after; null when readers
 * saw nothing.
 */
export function termEvent(liveBefore: boolean, liveAfter: boolean): ChangeEvent | null {
  if (liveAfter) return liveBefore ? 'updated' : 'published'
  return liveBefore ? 'unpublished' : null
}
