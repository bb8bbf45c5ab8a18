// Calls Payload's real REST route handlers (the ones Next serves at /api) as a signed-in user or anonymously.
import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import type { User } from '@/payload-types'

const handlers = { GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config), DELETE: REST_DELETE(config) }

export type RestResponse = { status: number; json: Record<string, unknown> }

/** A token for `user`, whose password is the one tests/int/helpers/payload.ts gives every staff user. */
export async function tokenFor(payload: Payload, user: User): Promise<string> {
  const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: 'correct-horse-battery-staple' } })
  if (!token) throw new Error(`no token for ${user.email}`)
  return token
}

export async function callRest(
  method: keyof typeof handlers,
  path: string,
  { token, body }: { token?: string; body?: FormData | object } = {},
): Promise<RestResponse> {
  const url = new URL(path, 'http://localhost')
  const isForm = body instanceof FormData
  const request = new Request(url, {
    method,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    headers: { ...(isForm || body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `JWT ${token}` } : {}) },
  })
  const response = await handlers[method](request, { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) })
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> }
}
