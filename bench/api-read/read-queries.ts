// The reads the bench times, sent to the real REST and GraphQL route handlers as Next mounts them
// (src/app/(payload)/api), anonymously, in this process: what `npm run bench` sends over HTTP, minus the
// socket. Each answer is checked, so a fast refusal never passes for a fast read.
import { generatedEntry } from '../generated-glossary'

import type { CallOutcome } from './measure-latency'
import type { ReadQueryKey } from './options'

type RouteHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
type Routes = { restGet: RouteHandler; graphqlPost: (request: Request) => Promise<Response> }

export type ReadQuery = { key: ReadQueryKey; label: string; call: (n: number) => Promise<CallOutcome> }

/** What a consumer asks for about one term over GraphQL (the same query `npm run bench` sends). */
export const GRAPHQL_TERM_QUERY = `query Term($slug: String) {
  Terms(where: { slug: { equals: $slug } }, limit: 1) {
    docs { title slug definition analogy category { name slug } relatedTerms { title slug } }
  }
}`

const LIST_LIMIT = 100

/** Slugs spread evenly over a generated glossary of `terms` entries. */
export function sampleSlugs(terms: number, size = 20): string[] {
  const count = Math.min(size, terms)
  return Array.from({ length: count }, (_, n) => generatedEntry(Math.floor((n * terms) / count), terms).slug)
}

async function loadRoutes(): Promise<Routes> {
  // Imported only now: the routes load payload.config.ts, which reads the environment set up by the caller.
  const [rest, graphql] = await Promise.all([
    import('@/app/(payload)/api/[...slug]/route'),
    import('@/app/(payload)/api/graphql/route'),
  ])
  return { restGet: rest.GET as RouteHandler, graphqlPost: graphql.POST as (request: Request) => Promise<Response> }
}

type Json = Record<string, unknown>

type Answer = { status: number; json: Json | null; bytes: number }

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text()
  const bytes = Buffer.byteLength(text)
  try {
    return { status: response.status, json: JSON.parse(text) as Json, bytes }
  } catch {
    return { status: response.status, json: null, bytes }
  }
}

function restGet(routes: Routes, path: string): Promise<Response> {
  const url = new URL(path, 'http://localhost')
  const params = Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') })
  return routes.restGet(new Request(url, { method: 'GET' }), { params })
}

function docsOf(json: Json | null): Json[] {
  return Array.isArray(json?.docs) ? (json.docs as Json[]) : []
}

function expectOk({ status, json, bytes }: Answer, check: () => string | null): CallOutcome {
  if (status !== 200)
    return { ok: false, detail: `status ${status}: ${JSON.stringify(json?.errors ?? json).slice(0, 300)}` }
  const problem = check()
  return problem ? { ok: false, detail: problem } : { ok: true, bytes }
}

function restTerm(routes: Routes, slugs: string[]): ReadQuery {
  return {
    key: 'rest-term',
    label: 'REST one term by slug (depth 1)',
    call: async (n) => {
      const slug = slugs[n % slugs.length]!
      const answer = await answerOf(await restGet(routes, `/api/terms?where[slug][equals]=${slug}&depth=1&limit=1`))
      return expectOk(answer, () => (docsOf(answer.json)[0]?.slug === slug ? null : `no term "${slug}" in the answer`))
    },
  }
}

function restList(routes: Routes, terms: number): ReadQuery {
  const expected = Math.min(LIST_LIMIT, terms)
  return {
    key: 'rest-list',
    label: `REST list (limit ${LIST_LIMIT}, depth 1)`,
    call: async () => {
      const answer = await answerOf(await restGet(routes, `/api/terms?limit=${LIST_LIMIT}&depth=1`))
      const count = docsOf(answer.json).length
      return expectOk(answer, () => (count === expected ? null : `${count} terms, not ${expected}`))
    },
  }
}

function graphqlTerm(routes: Routes, slugs: string[]): ReadQuery {
  return {
    key: 'graphql-term',
    label: 'GraphQL term by slug',
    call: async (n) => {
      const slug = slugs[n % slugs.length]!
      const body = JSON.stringify({ query: GRAPHQL_TERM_QUERY, variables: { slug } })
      const request = new Request('http://localhost/api/graphql', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      })
      const answer = await answerOf(await routes.graphqlPost(request))
      const { json } = answer
      return expectOk(answer, () => {
        if (json?.errors) return `errors: ${JSON.stringify(json.errors).slice(0, 300)}`
        const docs = ((json?.data as Json | undefined)?.Terms as Json | undefined)?.docs as Json[] | undefined
        return docs?.[0]?.slug === slug ? null : `no term "${slug}" in the answer`
      })
    },
  }
}

export async function readQueries(terms: number, keys: readonly ReadQueryKey[]): Promise<ReadQuery[]> {
  const routes = await loadRoutes()
  const slugs = sampleSlugs(terms)
  const all = [restTerm(routes, slugs), restList(routes, terms), graphqlTerm(routes, slugs)]
  return all.filter((query) => keys.includes(query.key))
}
