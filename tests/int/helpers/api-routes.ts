// Calls the real REST and GraphQL route handlers the app serves (`@payloadcms/next/routes`), as an
// anonymous caller or with an Authorization header (a user's JWT or an API key), and reports status,
// body size and time.
import config from '@payload-config'
import { GRAPHQL_POST, REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

export type ApiResponse = { status: number; json: Record<string, unknown>; bytes: number; milliseconds: number }

const restGet = REST_GET(config)
const graphqlPost = GRAPHQL_POST(config)

const authHeaders = (authorization?: string): Record<string, string> => (authorization ? { Authorization: authorization } : {})

async function measure(respond: () => Promise<Response>): Promise<ApiResponse> {
  const started = performance.now()
  const response = await respond()
  const text = await response.text()
  const milliseconds = performance.now() - started
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    // Not JSON: callers look at the status.
  }
  return { status: response.status, json, bytes: Buffer.byteLength(text), milliseconds }
}

/** `GET /api/...` through Payload's REST handler; `path` includes the query string. */
export function restGetAs(path: string, authorization?: string): Promise<ApiResponse> {
  const url = new URL(path, 'http://localhost')
  return measure(() =>
    restGet(new Request(url, { headers: authHeaders(authorization) }), {
      params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }),
    }),
  )
}

/**
 * `POST /api/graphql` with any body: one operation (`{ query, variables }`) or a raw value such as a batch.
 * GraphQL over HTTP answers a refused query with 400 to clients that accept `application/graphql-response+json`
 * (the default here) and with 200 plus `errors` to legacy `application/json` clients.
 */
export function graphqlAs(body: unknown, authorization?: string, accept = 'application/graphql-response+json'): Promise<ApiResponse> {
  return measure(() =>
    graphqlPost(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', Accept: accept, ...authHeaders(authorization) },
      }),
    ),
  )
}

/** The Authorization header of a signed-in user. */
export async function signInAs(payload: Payload, email: string, password: string): Promise<string> {
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  if (!token) throw new Error(`no token for ${email}`)
  return `JWT ${token}`
}

/** The Authorization header of a user's API key, as Payload's API-key strategy reads it. */
export const apiKeyAuthorization = (apiKey: string) => `users API-Key ${apiKey}`

/** The messages of a REST error answer or of GraphQL errors. */
export function errorMessages(json: Record<string, unknown>): string[] {
  const errors = (json.errors ?? []) as { message?: string }[]
  return errors.map((error) => error.message ?? '')
}
