// The OpenAPI 3.1 document of the v1 API, generated from the schemas that shape its answers
// (./term-schema.ts, ./problem.ts), so the contract cannot drift from what is sent.
import { z } from 'zod'
import { createDocument } from 'zod-openapi'

import { changesPaths } from './changes-openapi'
import { ProblemSchema } from './problem-schema'
import { SlugParameterSchema, TermSchema } from './term-schema'

const problemContent = { 'application/problem+json': { schema: ProblemSchema } }

const contentHeaders = z.object({
  ETag: z.string().meta({ description: 'A strong validator of the answer: send it back in If-None-Match to get 304 when nothing changed.' }),
  'Cache-Control': z.string().meta({ description: 'How long a shared cache may keep the answer, and serve it stale while it fetches a fresh one.' }),
  'Cache-Tag': z.string().meta({ description: 'Comma-separated names of what the answer shows (terms, category, providers), to purge a CDN by.' }),
})

const ifNoneMatch = z.object({
  'if-none-match': z.string().optional().meta({ description: 'The ETag of the answer the caller holds.' }),
})

export const openApiDocument = createDocument({
  openapi: '3.1.0',
  info: {
    title: 'Cloudlex content API',
    version: '1.0.0',
    description: 'Published glossary content: read-only, the same for every caller. Errors are RFC 9457 problem details.',
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    ...changesPaths,
    '/terms/{slug}': {
      get: {
        operationId: 'getTerm',
        summary: 'One published term',
        requestParams: {
          path: z.object({ slug: SlugParameterSchema }),
          header: ifNoneMatch,
        },
        responses: {
          '200': { description: 'The term.', headers: contentHeaders, content: { 'application/json': { schema: TermSchema } } },
          '304': { description: 'The term has not changed since the ETag sent in If-None-Match.' },
          '400': { description: 'An unknown query parameter or an invalid slug.', content: problemContent },
          '404': { description: 'No published term has this slug.', content: problemContent },
        },
      },
    },
  },
})
