// The command line of bench/api-read-latency.ts, checked before anything starts. Pure: no Payload imports.
import { parseArgs } from 'node:util'

export const READ_QUERY_KEYS = ['rest-term', 'rest-list', 'graphql-term'] as const
export type ReadQueryKey = (typeof READ_QUERY_KEYS)[number]

export type ApiReadOptions = {
  terms: number
  /** A database file to load once and reuse on later runs of the same size; null: a temporary one. */
  database: string | null
  concurrency: number
  /** Each run (sequential, then concurrent) of each query stops at this many requests… */
  requests: number
  /** …or after this long, whichever comes first. */
  seconds: number
  queries: ReadQueryKey[]
  /** Print SQLite's plan for each statement one request of each query runs. */
  explain: boolean
  /** Write the results as JSON here. */
  json: string | null
}

export const API_READ_USAGE = [
  'usage: npx tsx bench/api-read-latency.ts [--terms 1000] [--db <file>] [--concurrency 20]',
  '       [--requests 200] [--seconds 20] [--only rest-term,rest-list,graphql-term] [--explain] [--json <file>]',
].join('\n')

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}; got "${text}"`)
  }
  return value
}

function queryKeys(text: string): ReadQueryKey[] {
  const keys = text
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
  const unknown = keys.filter((key) => !(READ_QUERY_KEYS as readonly string[]).includes(key))
  if (unknown.length > 0 || keys.length === 0) {
    throw new Error(`--only takes a comma-separated list of ${READ_QUERY_KEYS.join(', ')}; got "${text}"`)
  }
  return keys as ReadQueryKey[]
}

export function parseApiReadArgs(argv: string[]): ApiReadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      terms: { type: 'string', default: '1000' },
      db: { type: 'string' },
      concurrency: { type: 'string', default: '20' },
      requests: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '20' },
      only: { type: 'string', default: READ_QUERY_KEYS.join(',') },
      explain: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  })
  return {
    terms: wholeNumber('terms', values.terms, 10, 1_000_000),
    database: values.db ?? null,
    concurrency: wholeNumber('concurrency', values.concurrency, 1, 1000),
    requests: wholeNumber('requests', values.requests, 1, 1_000_000),
    seconds: wholeNumber('seconds', values.seconds, 1, 3600),
    queries: queryKeys(values.only),
    explain: values.explain,
    json: values.json ?? null,
  }
}
