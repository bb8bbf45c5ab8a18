// Calls the real REST and GraphQL route handlers (the ones Next mounts under /api), as a signed-in user
// when given their token, without a running server.
import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const rest = { GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config), DELETE: REST_DELETE(config) }
const graphqlHandler = GRAPHQL_POST(config)

export type RestMethod = keyof typeof rest
export type RestResult = { status: number; json: Record<string, unknown> }
export type GraphqlResult = { data?: Record<string, unknown> | null; errors?: { message?: string }[] }

const authHeaders = (token: string | null): Record<string, string> => (token ? { Authorization: `JWT ${token}` } : {})

/** `path` includes the query string, e.g. `/api/terms?where[id][equals]=…`. */
export async function callRest(method: RestMethod, path: string, token: string | null, body?: unknown): Promise<RestResult> {
  const url = new URL(path, 'http://localhost')
  const response = await rest[method](
    new Request(url, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...authHeaders(token) },
    }),
    { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) },
  )
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> }
}

export async function callGraphql(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResult> {
  const response = await graphqlHandler(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      body: JSON.stringify({ query, variables }),
      headers: { 'Content-Type': 'application/json', ...authHeaders(token) },
    }),
  )
  return (await response.json()) as GraphqlResult
}
