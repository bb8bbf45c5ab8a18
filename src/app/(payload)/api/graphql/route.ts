/* Generated wiring: Payload's GraphQL endpoint. */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { graphqlMethodNotAllowed, guardGraphqlRoute } from '@/api-limits/guard-api-request'
import { cacheAnonymousGraphqlReads } from '@/site-cache/anonymous-api-reads'

// Wrapped: Payload answers a malformed body with 500 or an empty 415, and other methods with an empty 405.
// Anonymous queries (never mutations) of published content are served from the cache.
export const POST = guardGraphqlRoute(cacheAnonymousGraphqlReads(GRAPHQL_POST(config)))
export const OPTIONS = REST_OPTIONS(config)
export const GET = graphqlMethodNotAllowed
export const PUT = graphqlMethodNotAllowed
export const PATCH = graphqlMethodNotAllowed
export const DELETE = graphqlMethodNotAllowed
