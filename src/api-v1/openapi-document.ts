// The OpenAPI 3.1 document of the v1 API, generated from the schemas that shape its answers
// (./term-schema.ts, src/http/problem-schema.ts), so the contract cannot drift from what is sent.
import { z } from 'zod'
import { createDocument } from 'zod-openapi'

import { changesPaths } from './changes-openapi'
import { CompareQuerySchema, CompareSchema } from './compare-schema'
import { ProblemSchema } from '../http/problem-schema'
import { SearchQuerySchema, SearchResultsSchema } from './search-schema'
import {
  CategoryListSchema,
  ProviderListSchema,
  ProviderServicesQuerySchema,
  ProviderServicesSchema,
} from './taxonomy-schema'
import { SlugParameterSchema, TermListQuerySchema, TermListSchema, TermQuerySchema, TermSchema } from './term-schema'

const problemContent = { 'application/problem+json': { schema: ProblemSchema } }

const contentHeaders = z.object({
  ETag: z.string().meta({
    description: 'A strong validator of the answer: send it back in If-None-Match to get 304 when nothing changed.',
  }),
  'Cache-Control': z.string().meta({
    description: 'How long a shared cache may keep the answer, and serve it stale while it fetches a fresh one.',
  }),
  'Cache-Tag': z.string().meta({
    description: 'Comma-separated names of what the answer shows (terms, category, providers), to purge a CDN by.',
  }),
})

const ifNoneMatch = z.object({
  'if-none-match': z.string().optional().meta({ description: 'The ETag of the answer the caller holds.' }),
})

/** The answers every read shares: 304 for a caller holding the current version, 400 for a bad query. */
const readResponses = (what: string, schema: z.ZodType, badRequest: string) => ({
  '200': { description: what, headers: contentHeaders, content: { 'application/json': { schema } } },
  '304': { description: 'Nothing changed since the ETag sent in If-None-Match.' },
  '400': { description: badRequest, content: problemContent },
  ...keyAndLimitResponses,
})

/** Answers any v1 read may give: a key that is not valid, and a caller over its rate limit. */
const keyAndLimitResponses = {
  '401': {
    description: 'The API key sent is not valid: revoked, replaced, expired or mistyped.',
    content: problemContent,
  },
  '429': {
    description: 'Over the rate limit (answers served from cache do not count). Retry-After says when to try again.',
    content: problemContent,
  },
}

const previewRefused = {
  '403': { description: 'preview=true from a caller without a key of the preview scope.', content: problemContent },
}

const BAD_LIST_QUERY =
  'An unknown or repeated query parameter, a value out of range, an unknown slug or a cursor this API did not hand out.'

export const openApiDocument = createDocument({
  openapi: '3.1.0',
  info: {
    title: 'Cloudlex content API',
    version: '1.0.0',
    description:
      'Published glossary content: read-only, the same for every caller. Errors are RFC 9457 problem details.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: {
      apiClientKey: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description:
          'Optional: "api-clients API-Key <key>". Without a key, answers are the same published content, limited per client address.',
      },
    },
  },
  security: [{}, { apiClientKey: [] }],
  paths: {
    '/terms': {
      get: {
        operationId: 'listTerms',
        summary: 'Published terms, a page at a time',
        description:
          'Follow `next` until it is null. A cursor keeps its place whatever is published or removed meanwhile.',
        requestParams: { query: TermListQuerySchema, header: ifNoneMatch },
        responses: { ...readResponses('A page of terms.', TermListSchema, BAD_LIST_QUERY), ...previewRefused },
      },
    },
    '/categories': {
      get: {
        operationId: 'listCategories',
        summary: 'Every category, with its number of published terms',
        requestParams: { header: ifNoneMatch },
        responses: readResponses(
          'The categories.',
          CategoryListSchema,
          'A query parameter (this endpoint takes none).',
        ),
      },
    },
    '/providers': {
      get: {
        operationId: 'listProviders',
        summary: 'Every provider, with its number of services',
        requestParams: { header: ifNoneMatch },
        responses: readResponses('The providers.', ProviderListSchema, 'A query parameter (this endpoint takes none).'),
      },
    },
    '/providers/{slug}/services': {
      get: {
        operationId: 'listProviderServices',
        summary: 'A provider’s service for each published term that lists it',
        requestParams: {
          path: z.object({ slug: SlugParameterSchema.meta({ description: 'The provider’s slug.', example: 'aws' }) }),
          query: ProviderServicesQuerySchema,
          header: ifNoneMatch,
        },
        responses: {
          ...readResponses('A page of services.', ProviderServicesSchema, BAD_LIST_QUERY),
          '404': { description: 'No provider has this slug.', content: problemContent },
        },
      },
    },
    '/compare': {
      get: {
        operationId: 'compareProviders',
        summary: 'The cross-provider comparison matrix',
        requestParams: { query: CompareQuerySchema, header: ifNoneMatch },
        responses: readResponses('A page of rows of the matrix.', CompareSchema, BAD_LIST_QUERY),
      },
    },
    '/search': {
      get: {
        operationId: 'searchTerms',
        summary: 'Published terms matching a query, best first',
        requestParams: { query: SearchQuerySchema, header: ifNoneMatch },
        responses: readResponses(
          'A page of results.',
          SearchResultsSchema,
          'A missing or empty query, a page out of range, or an unknown parameter.',
        ),
      },
    },
    '/terms/{slug}': {
      get: {
        operationId: 'getTerm',
        summary: 'One published term',
        requestParams: {
          path: z.object({ slug: SlugParameterSchema }),
          query: TermQuerySchema,
          header: ifNoneMatch,
        },
        responses: {
          '200': {
            description: 'The term.',
            headers: contentHeaders,
            content: { 'application/json': { schema: TermSchema } },
          },
          '304': { description: 'The term has not changed since the ETag sent in If-None-Match.' },
          '400': { description: 'An unknown query parameter or an invalid slug.', content: problemContent },
          ...previewRefused,
          '404': { description: 'No published term has this slug.', content: problemContent },
          ...keyAndLimitResponses,
        },
      },
    },
    ...changesPaths,
  },
})
