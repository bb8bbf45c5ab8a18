// The v1 shape of search results and the query parameters of the search endpoint.
import { z } from 'zod'

import { MAX_SEARCH_PAGES, SEARCH_RESULTS_PER_PAGE } from '@/search/search-results-page'
import { MAX_SEARCH_QUERY_LENGTH } from '@/search/search-text'
import { SEARCH_FIELDS } from '@/search/term-search-index'

import { CategoryRefSchema } from './term-schema'

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must contain a word')
    .max(MAX_SEARCH_QUERY_LENGTH)
    .meta({
      description: `What to look for in titles, aliases, provider services, definitions and FAQs (at most ${MAX_SEARCH_QUERY_LENGTH} characters).`,
      example: 'audit log',
    }),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_PAGES)
    .default(1)
    .meta({
      description: `Which page of ${SEARCH_RESULTS_PER_PAGE} results (1 to ${MAX_SEARCH_PAGES}): refine the query rather than read further.`,
    }),
})

const HighlightedTextSchema = z
  .object({
    text: z.string(),
    ranges: z.array(z.object({ start: z.number().int(), end: z.number().int() })).meta({
      description: 'Where the query matched: offsets into `text` in UTF-16 code units, end exclusive, sorted.',
    }),
  })
  .meta({ id: 'HighlightedText' })

export const SearchHitSchema = z
  .object({
    slug: z.string(),
    title: HighlightedTextSchema,
    category: CategoryRefSchema.nullable(),
    matchedField: z.enum(SEARCH_FIELDS).meta({ description: 'The highest-ranked field the query matched.' }),
    snippet: HighlightedTextSchema.meta({ description: 'Where the match is, in context.' }),
  })
  .meta({ id: 'SearchHit' })

export const SearchResultsSchema = z
  .object({
    query: z
      .string()
      .meta({ description: 'The query as searched: whitespace collapsed, cut to the longest query searched.' }),
    page: z.number().int(),
    items: z.array(SearchHitSchema),
    hasMore: z.boolean().meta({ description: 'Whether the next page holds more results.' }),
    didYouMean: z
      .array(z.object({ slug: z.string(), title: z.string() }))
      .meta({ description: 'On a first page with no result: titles close to what was typed.' }),
  })
  .meta({ id: 'SearchResults', description: 'Published terms matching a query, best first.' })
