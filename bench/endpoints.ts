// What the bench loads: the public pages and APIs a glossary's readers hit, each with the requests one
// connection sends in turn (several terms or queries, so no single cached answer stands for all).
import { encodeCursor } from '@/api-v1/list-cursor'
import { titleSortKey } from '@/collections/Terms/list-fields'

import type { BenchRequest } from './bench-request'
import { generatedEntry } from './generated-glossary'

export const ENDPOINT_KEYS = [
  'term-page',
  'terms-index',
  'compare',
  'search-page',
  'search-suggest',
  'search-page-one-reader',
  'search-suggest-one-reader',
  'rest-term',
  'rest-list',
  'graphql-term',
  'v1-term',
  'v1-list',
  'term-page-via-proxy',
  'terms-index-via-proxy',
  'compare-via-proxy',
] as const
export type EndpointKey = (typeof ENDPOINT_KEYS)[number]

export type BenchEndpoint = {
  key: EndpointKey
  label: string
  requests: BenchRequest[]
  /** Connections of the load client for this row, when not the run's (--connections). */
  connections?: number
}

const SAMPLE_SIZE = 20

/** Slugs spread evenly over a generated glossary of `terms` entries, the first one the freshness probe edits. */
export function sampleSlugs(terms: number, size = SAMPLE_SIZE): string[] {
  return sampleEntries(terms, size).map((entry) => entry.slug)
}

function sampleEntries(terms: number, size = SAMPLE_SIZE) {
  const count = Math.min(size, terms)
  return Array.from({ length: count }, (_, n) => generatedEntry(Math.floor((n * terms) / count), terms))
}

// Words of generated titles (see generated-glossary.ts), a two-word query and a misspelling.
const SEARCH_QUERIES = ['gateway', 'cobalt managed', 'ledger', 'zephyr streaming', 'serverles']
const SUGGEST_QUERIES = ['cob', 'gate', 'zeph', 'led', 'vaul']

const TERM_QUERY = `query Term($slug: String) {
  Terms(where: { slug: { equals: $slug } }, limit: 1) {
    docs { title slug definition analogy category { name slug } relatedTerms { title slug } }
  }
}`

const get = (path: string): BenchRequest => ({ method: 'GET', path })
const query = (value: string) => encodeURIComponent(value)

function graphQLTerm(slug: string): BenchRequest {
  return {
    method: 'POST',
    path: '/api/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: TERM_QUERY, variables: { slug } }),
  }
}

/**
 * A page of 100 terms of the v1 list after each sampled term, and the first page: a deep page costs what the
 * first does.
 */
function v1ListPages(terms: number): BenchRequest[] {
  const cursors = sampleEntries(terms).map((entry) =>
    encodeCursor('title', { key: titleSortKey(entry.title), slug: entry.slug }),
  )
  return [get('/api/v1/terms?limit=100'), ...cursors.map((cursor) => get(`/api/v1/terms?limit=100&cursor=${cursor}`))]
}

export function benchEndpoints(slugs: readonly string[], terms?: number): BenchEndpoint[] {
  return [
    { key: 'term-page', label: 'term page', requests: slugs.map((slug) => get(`/terms/${slug}`)) },
    { key: 'terms-index', label: '/terms (A–Z)', requests: [get('/terms')] },
    { key: 'compare', label: '/compare', requests: [get('/compare')] },
    { key: 'search-page', label: 'search page', requests: SEARCH_QUERIES.map((q) => get(`/search?q=${query(q)}`)) },
    {
      key: 'search-suggest',
      label: 'search suggest',
      requests: SUGGEST_QUERIES.map((q) => get(`/search/suggest?q=${query(q)}`)),
    },
    // One reader searching alone: the time a search takes, where the rows above (20 connections) are
    // the queue behind 19 other requests at the server's throughput.
    {
      key: 'search-page-one-reader',
      label: 'search page, 1 connection',
      requests: SEARCH_QUERIES.map((q) => get(`/search?q=${query(q)}`)),
      connections: 1,
    },
    {
      key: 'search-suggest-one-reader',
      label: 'search suggest, 1 connection',
      requests: SUGGEST_QUERIES.map((q) => get(`/search/suggest?q=${query(q)}`)),
      connections: 1,
    },
    {
      key: 'rest-term',
      label: 'REST one term',
      requests: slugs.map((slug) => get(`/api/terms?where[slug][equals]=${query(slug)}&depth=1&limit=1`)),
    },
    { key: 'rest-list', label: 'REST list (100)', requests: [get('/api/terms?limit=100&depth=1')] },
    { key: 'graphql-term', label: 'GraphQL term', requests: slugs.map(graphQLTerm) },
    { key: 'v1-term', label: 'v1 term', requests: slugs.map((slug) => get(`/api/v1/terms/${query(slug)}`)) },
    ...(terms ? [{ key: 'v1-list' as const, label: 'v1 list (100)', requests: v1ListPages(terms) }] : []),
  ]
}
