// Payload's REST and GraphQL routes as src/app/(payload)/api mounts them, called the way a client would:
// with a token, and with the client address the Cloudlex server would have set.
import config from '@payload-config'
import { GRAPHQL_POST, REST_GET, REST_POST } from '@payloadcms/next/routes'

import { CLIENT_ADDRESS_HEADER } from '@/server/client-address-header'

const handlers = { GET: REST_GET(config), POST: REST_POST(config) }
const graphqlHandler = GRAPHQL_POST(config)

export type CallOptions = { body?: unknown; token?: string; from?: string; headers?: Record<string, string> }
export type ApiAnswer = { status: number; headers: Headers; json: Record<string, unknown> }

function requestHeaders({ token, from, headers }: CallOptions): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    ...(token ? { Authorization: `JWT ${token}` } : {}),
    ...(from ? { [CLIENT_ADDRESS_HEADER]: from } : {}),
    ...headers,
  }
}

async function answer(response: Response): Promise<ApiAnswer> {
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>
  return { status: response.status, headers: response.headers, json }
}

export async function callRest(method: keyof typeof handlers, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
  const url = new URL(path, 'http://localhost')
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  const response = await handlers[method](new Request(url, { method, body, headers: requestHeaders(options) }), {
    params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }),
  })
  return answer(response)
}

export async function callGraphql(query: string, variables: Record<string, unknown>, options: CallOptions = {}): Promise<ApiAnswer> {
  const body = JSON.stringify({ query, variables })
  return answer(await graphqlHandler(new Request('http://localhost/api/graphql', { method: 'POST', body, headers: requestHeaders(options) })))
}

/** The first error's message of a REST error answer. */
export function errorMessage({ json }: ApiAnswer): string | undefined {
  return (json.errors as { message?: string }[] | undefined)?.[0]?.message
}

/**
 * Starts the routes' own Payload instance now. A test that switches NODE_ENV to production must call it
 * first: started in production, Payload would run migrations against the pushed test schema and wait
 * for an answer to its data-loss prompt.
 */
export async function startRoutes(): Promise<void> {
  const answer = await callRest('GET', '/api/users/init')
  if (answer.status !== 200) throw new Error(`the REST routes did not start: ${answer.status}`)
}
