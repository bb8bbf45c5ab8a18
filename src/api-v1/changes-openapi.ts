// The paths of the change feed in the v1 OpenAPI document (./openapi-document.ts), with the contract a
// consumer follows to keep a copy of the published glossary, generated from the schemas the feed sends.
import { z } from 'zod'
import type { ZodOpenApiPathsObject } from 'zod-openapi'

import { ChangePageSchema, LimitParameterSchema, SinceParameterSchema } from './change-schema'
import { ProblemSchema } from '../http/problem-schema'

const problemContent = { 'application/problem+json': { schema: ProblemSchema } }

const CONSUMER_CONTRACT = [
  'To keep a copy of the published glossary: ask without `since` and follow the feed, each time with the `next` of the page before.',
  'Without `since` the feed first lists every published term, then every category, then every provider, as `published`, and then every change since it began.',
  'For `published` and `updated`, fetch the document again (a term from /api/v1/terms/{slug}) and keep it under its `id`, replacing what was kept; for `unpublished` and `deleted`, drop what is kept under that `id`.',
  'Changes come in the order they happened, at least once: the same item may come again, and applying it again is harmless.',
  'When `hasMore` is false there is nothing more for now: ask again later with `next`, or follow /api/v1/changes/stream.',
  'A change is listed once it is a few seconds old (10 s by default), so that one recorded by a slower writer is never passed over.',
  'The log keeps changes for a set time (30 days by default): a cursor older than that gets 410, and the consumer starts again without `since`.',
].join(' ')

const pageHeaders = z.object({
  ETag: z.string().meta({
    description: 'A strong validator of the page: send it back in If-None-Match to get 304 while nothing changed.',
  }),
  'Cache-Control': z.string().meta({
    description:
      'A full page of changes cannot change and may be kept a day; any other page (the first listing, the last page) must be asked for again each time.',
  }),
  'Cache-Tag': z.string().meta({ description: 'Comma-separated names of the documents the page lists.' }),
})

export const changesPaths: ZodOpenApiPathsObject = {
  '/changes': {
    get: {
      operationId: 'listChanges',
      summary: 'The change feed: what changed in the published glossary since a cursor',
      description: CONSUMER_CONTRACT,
      requestParams: {
        query: z.object({ since: SinceParameterSchema, limit: LimitParameterSchema }),
        header: z.object({
          'if-none-match': z.string().optional().meta({ description: 'The ETag of the page the caller holds.' }),
        }),
      },
      responses: {
        '200': {
          description: 'A page of changes.',
          headers: pageHeaders,
          content: { 'application/json': { schema: ChangePageSchema } },
        },
        '304': { description: 'The page has not changed since the ETag sent in If-None-Match.' },
        '400': {
          description: 'An unknown query parameter, a cursor the feed did not give out, or a limit out of range.',
          content: problemContent,
        },
        '410': {
          description: 'The changes after this cursor are older than the log keeps: start again without `since`.',
          content: problemContent,
        },
      },
    },
  },
  '/changes/stream': {
    get: {
      operationId: 'streamChanges',
      summary: 'The change feed as server-sent events',
      description: [
        'The same changes as /changes, as they settle: each is an event `change` whose data is a Change and whose id is the cursor after it.',
        'A comment is sent when the stream has been quiet for 15 s. The stream closes itself after a few minutes;',
        'reconnect with the id of the last event in Last-Event-ID (an EventSource does this itself). Last-Event-ID, when sent, wins over `since`.',
      ].join(' '),
      requestParams: {
        query: z.object({ since: SinceParameterSchema }),
        header: z.object({
          'last-event-id': z
            .string()
            .optional()
            .meta({ description: 'The id of the last event received: the stream resumes right after it.' }),
        }),
      },
      responses: {
        '200': {
          description: 'A stream of `change` events, each with a Change as JSON in its data.',
          content: {
            'text/event-stream': {
              schema: z
                .string()
                .meta({ description: 'Server-sent events; the data of each `change` event is a Change.' }),
            },
          },
        },
        '400': {
          description: 'An unknown query parameter, or a cursor (`since` or Last-Event-ID) the feed did not give out.',
          content: problemContent,
        },
        '410': {
          description: 'The changes after this cursor are older than the log keeps: start again without a cursor.',
          content: problemContent,
        },
        '503': {
          description: 'This server holds as many streams as it may: try again after Retry-After, or poll /changes.',
          headers: z.object({
            'Retry-After': z.string().meta({ description: 'Seconds to wait before trying again.' }),
          }),
          content: problemContent,
        },
      },
    },
  },
}
