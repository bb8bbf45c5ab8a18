// What a webhook delivery says: the type of the event (`term.published`, ...) and the JSON body every
// subscriber receives for it. The body is built once, when the change is recorded, and stored with the
// delivery, so every attempt and re-send carries the same bytes under the same webhook-id.
import type { ChangeEvent, FeedCollection } from '@/change-events/change-events'

const TYPE_PREFIX: Record<FeedCollection, string> = { terms: 'term', categories: 'category', providers: 'provider' }

export const eventType = (collection: FeedCollection, event: ChangeEvent) => `${TYPE_PREFIX[collection]}.${event}`

export type WebhookBody = {
  type: string
  timestamp: string
  data: { collection: FeedCollection; id: string; slug: string | null }
}

export function webhookBody(
  collection: FeedCollection,
  event: ChangeEvent,
  id: string,
  slug: string | null,
  at: string,
): string {
  const body: WebhookBody = { type: eventType(collection, event), timestamp: at, data: { collection, id, slug } }
  return JSON.stringify(body)
}
