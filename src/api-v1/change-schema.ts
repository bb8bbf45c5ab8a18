// The v1 shape of the change feed (./change-feed.ts), defined once: the OpenAPI document is generated from
// these schemas and every page is parsed through them before it is sent.
import { z } from 'zod'

import { CHANGE_EVENTS, FEED_COLLECTIONS } from '@/change-events/change-events'

export const MAX_FEED_LIMIT = 500
export const DEFAULT_FEED_LIMIT = 100

export const ChangeSchema = z
  .object({
    collection: z.enum(FEED_COLLECTIONS).meta({ description: 'What kind of document changed.' }),
    id: z.string().meta({ description: 'The document’s id: the key to keep a copy under, stable across renames.' }),
    slug: z.string().nullable().meta({
      description:
        'The document’s slug after the change; for unpublished and deleted, the slug it had. Fetch a term by it: /api/v1/terms/{slug}.',
    }),
    change: z.enum(CHANGE_EVENTS).meta({
      description:
        'published and updated: fetch the document again (it is public now). unpublished and deleted: drop the copy kept under this id.',
    }),
    at: z.iso.datetime().meta({
      description: 'When the change was recorded (for the first listing of a document: when it last changed).',
    }),
  })
  .meta({ id: 'Change', description: 'One change to a published document, as the feed lists it.' })

export const ChangePageSchema = z
  .object({
    items: z.array(ChangeSchema).meta({ description: 'Changes in the order they happened; at most `limit`.' }),
    next: z
      .string()
      .meta({ description: 'The cursor to ask with next (as `since`), whether or not this page was full.' }),
    hasMore: z
      .boolean()
      .meta({ description: 'More changes can be read at once; false: wait a moment and ask again with `next`.' }),
  })
  .meta({ id: 'ChangePage', description: 'A page of the change feed.' })

export const SinceParameterSchema = z.string().optional().meta({
  description:
    'The cursor from the previous page (`next`) or event (`id`); without it the feed starts by listing every published document.',
})

export const LimitParameterSchema = z
  .string()
  .regex(/^\d+$/)
  .optional()
  .meta({
    description: `How many changes a page holds at most: 1 to ${MAX_FEED_LIMIT}, ${DEFAULT_FEED_LIMIT} when not given.`,
    example: '100',
  })

export type V1Change = z.infer<typeof ChangeSchema>
export type V1ChangePage = z.infer<typeof ChangePageSchema>
