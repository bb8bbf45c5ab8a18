// Payload's REST and GraphQL routes as src/app/(payload)/api mounts them, called the way a client would
// (anonymously, with a user's token or an API key, from a client address), without a running server.
import type { Payload } from 'payload'

import * as graphqlRoute from '@/app/(payload)/api/graphql/route'
import * as restRoute from '@/app/(payload)/api/[...slug]/route'
import type { User } from '@/payload-types'
import { CLIENT_ADDRESS_HEADER } from '@/http/client-address-header'

import { STAFF_PASSWORD } from './harness'

// The handlers exactly as Next mounts them, with the request guards that wrap them
// (src/api-limits/guard-api-request.ts).
const restHandlers = {
  GET: restRoute.GET,
  POST: restRoute.POST,
  PATCH: restRoute.PATCH,
  DELETE: restRoute.DELETE,
  OPTIONS: restRoute.OPTIONS,
}
const graphqlHandler = graphqlRoute.POST

export type RestMethod = keyof typeof restHandlers

export type CallOptions = {
  /** A user's JWT, sent as `Authorization: JWT …`. */
  token?: string | null
  /** A whole Authorization header, e.g. an API key's (see `apiKeyAuthorization`). */
  authorization?: string
  /** Sent as JSON, or as multipart when it is FormData. */
  body?: unknown
  /** Sent exactly as given instead of `body` (no Content-Type is added: pass one in `headers`). */
  rawBody?: string
  /** The client address the Cloudlex server would have set from the socket. */
  from?: string
  headers?: Record<string, string>
}

export type ApiAnswer = {
  status: number
  headers: Headers
  json: Record<string, unknown>
  bytes: number
  milliseconds: number
}

export type GraphqlResult = { data?: Record<string, unknown> | null; errors?: { message?: string }[] }

function requestHeaders({ token, authorization, from, headers, body, rawBody }: CallOptions): Record<string, string> {
  const sendsJson = rawBody === undefined && body !== undefined && !(body instanceof FormData)
  return {
    ...(sendsJson ? { 'Content-Type': 'application/json' } : {}),
    ...(token ? { Authorization: `JWT ${token}` } : {}),
    ...(authorization ? { Authorization: authorization } : {}),
    ...(from ? { [CLIENT_ADDRESS_HEADER]: from } : {}),
    ...headers,
  }
}

function requestBody({ body, rawBody }: CallOptions): BodyInit | undefined {
  if (rawBody !== undefined) return rawBody
  if (body === undefined) return undefined
  return body instanceof FormData ? body : JSON.stringify(body)
}

async function measure(respond: () => Promise<Response>): Promise<ApiAnswer> {
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
  return { status: response.status, headers: response.headers, json, bytes: Buffer.byteLength(text), milliseconds }
}

/** `path` includes the query string, e.g. `/api/terms?where[id][equals]=…`. */
export function callRest(method: RestMethod, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
  return measure(() => callRestResponse(method, path, options))
}

/** The route's Response itself, for answers that are not JSON (a media file's bytes). */
export function callRestResponse(method: RestMethod, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(path, 'http://localhost')
  const request = new Request(url, { method, body: requestBody(options), headers: requestHeaders(options) })
  const params = Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') })
  return restHandlers[method](request, { params })
}

/**
 * `POST /api/graphql` with any body: one operation or a raw value such as a batch. GraphQL over HTTP answers a
 * refused query with 400 to clients that accept `application/graphql-response+json` (the default here) and
 * with 200 plus `errors` to legacy `application/json` clients.
 */
export function postGraphql(
  body: unknown,
  { accept = 'application/graphql-response+json', ...options }: CallOptions & { accept?: string } = {},
): Promise<ApiAnswer> {
  const headers = requestHeaders({ ...options, body, headers: { Accept: accept, ...options.headers } })
  const sent = options.rawBody ?? JSON.stringify(body)
  return measure(() =>
    graphqlHandler(new Request('http://localhost/api/graphql', { method: 'POST', body: sent, headers })),
  )
}

/** One GraphQL operation, as a legacy `application/json` client sends it (refusals come back as 200 + errors). */
export function callGraphql(
  query: string,
  variables: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<ApiAnswer> {
  return postGraphql({ query, variables }, { accept: 'application/json', ...options })
}

/** The messages of a REST error answer or of GraphQL errors. */
export function errorMessages(json: Record<string, unknown>): string[] {
  const errors = (json.errors ?? []) as { message?: string }[]
  return errors.map((error) => error.message ?? '')
}

/** The first error's message of a REST error answer. */
export function errorMessage({ json }: ApiAnswer): string | undefined {
  return errorMessages(json)[0]
}

/** A JWT for a staff user made by `createStaffUser`. */
export async function tokenFor(payload: Payload, user: User): Promise<string> {
  const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: STAFF_PASSWORD } })
  if (!token) throw new Error(`no token for ${user.email}`)
  return token
}

/** The Authorization header of a signed-in user. */
export async function signInAs(payload: Payload, email: string, password: string): Promise<string> {
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  if (!token) throw new Error(`no token for ${email}`)
  return `JWT ${token}`
}

/** The Authorization header of a user's API key, as Payload's API-key strategy reads it. */
export const apiKeyAuthorization = (apiKey: string) => `users API-Key ${apiKey}`

/**
 * Starts the routes' own Payload instance now. A test that switches NODE_ENV to production must call it
 * first: started in production, Payload would run migrations against the pushed test schema and wait
 * for an answer to its data-loss prompt.
 */
export async function startRoutes(): Promise<void> {
  const answer = await callRest('GET', '/api/users/init')
  if (answer.status !== 200) throw new Error(`the REST routes did not start: ${answer.status}`)
}
