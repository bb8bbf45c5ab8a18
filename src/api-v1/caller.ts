// Who is calling the v1 API. Anonymous callers and staff get the same published answers; an API client
// is known by its key (src/collections/ApiClients), which Payload checks: a rotated, revoked or mistyped
// key is refused with 401, and so is a key past its expiry. A client's scope says whether it may ask for
// drafts (`?preview=true`).
import type { Payload } from 'payload'

import { API_CLIENTS_COLLECTION } from '@/access/roles'
import type { ApiClientScope } from '@/collections/ApiClients'

import { problem, problemResponse } from '../http/problem'

export type V1Caller = { kind: 'anonymous' } | { kind: 'client'; id: string; name: string; scope: ApiClientScope }

/** How a client sends its key: Payload's API-key scheme, named by the collection. */
export const API_KEY_SCHEME = `${API_CLIENTS_COLLECTION} API-Key `

/** A client's last use is written at most this often: a read must not cost a write each time. */
export const LAST_USED_RESOLUTION_MS = 60_000

type ClientDocument = {
  id: string | number
  name: string
  scope: ApiClientScope
  expiresAt?: string | null
  lastUsedAt?: string | null
  collection?: string
}

const refusal = (request: Request, detail: string) =>
  problemResponse(problem('invalid-key', new URL(request.url).pathname, detail), {
    'www-authenticate': 'api-clients API-Key',
  })

function recordUse(payload: Payload, client: ClientDocument, now: Date): void {
  const last = client.lastUsedAt ? Date.parse(client.lastUsedAt) : 0
  if (now.getTime() - last < LAST_USED_RESOLUTION_MS) return
  // Straight to the adapter: no hooks, no audit entry, no version; a failure only loses the timestamp.
  void payload.db
    .updateOne({
      collection: API_CLIENTS_COLLECTION,
      id: client.id,
      data: { lastUsedAt: now.toISOString() },
      returning: false,
    })
    .catch((error: unknown) =>
      console.error(
        `Could not record the last use of API client ${client.id}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    )
}

/** The caller, or the 401 answer for a key that is not (or no longer) valid. */
export async function identifyCaller(
  payloadClient: () => Promise<Payload>,
  request: Request,
  now = new Date(),
): Promise<V1Caller | Response> {
  const authorization = request.headers.get('authorization')
  if (!authorization?.startsWith(API_KEY_SCHEME)) return { kind: 'anonymous' }
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: new Headers({ authorization }) })
  const client = user as ClientDocument | null
  if (!client || client.collection !== API_CLIENTS_COLLECTION) {
    return refusal(request, 'This API key is not valid: it was revoked or replaced, or is mistyped.')
  }
  if (client.expiresAt && Date.parse(client.expiresAt) <= now.getTime()) {
    return refusal(request, `This API key expired at ${new Date(client.expiresAt).toISOString()}.`)
  }
  recordUse(payload, client, now)
  return { kind: 'client', id: String(client.id), name: client.name, scope: client.scope }
}
