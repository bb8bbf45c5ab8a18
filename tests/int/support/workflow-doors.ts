// The actors of the workflow matrix (one account per role, two authors) and the doors they write through:
// REST by id, REST bulk (`?where=`), GraphQL and the Local API with access control on.
import type { Payload } from 'payload'
import { expect } from 'vitest'

import type { Role } from '@/access/roles'
import type { User } from '@/payload-types'

import { callGraphql, callRest, errorMessages, type GraphqlResult } from './api-routes'
import { createStaffUser } from './harness'
import type { ReviewedSpec } from './reviewed-documents'

export type Actor = 'anonymous' | 'author-owner' | 'author-other' | 'reviewer' | 'editor' | 'admin'
export type Door = 'REST' | 'REST bulk' | 'GraphQL' | 'Local API'
export type Write = { data: Record<string, unknown>; draft: boolean }
export type Outcome = { succeeded: boolean; status?: number; message?: string }

export const ACTORS: Actor[] = ['anonymous', 'author-owner', 'author-other', 'reviewer', 'editor', 'admin']
export const DOORS: Door[] = ['REST', 'REST bulk', 'GraphQL', 'Local API']
const PASSWORD = 'correct-horse-battery-staple'

type StaffActor = Exclude<Actor, 'anonymous'>
const ROLE_OF: Record<StaffActor, Role> = {
  'author-owner': 'author',
  'author-other': 'author',
  reviewer: 'reviewer',
  editor: 'editor',
  admin: 'admin',
}

export const roleOf = (actor: Actor): Role | null => (actor === 'anonymous' ? null : ROLE_OF[actor])

export type Cast = { payload: Payload; users: Record<StaffActor, User>; tokens: Record<StaffActor, string> }

/** One signed-in account per actor; the admin first, since the first account of a database becomes one. */
export async function signInCast(payload: Payload): Promise<Cast> {
  const cast: Cast = { payload, users: {} as Cast['users'], tokens: {} as Cast['tokens'] }
  for (const actor of ['admin', 'author-owner', 'author-other', 'reviewer', 'editor'] as const) {
    cast.users[actor] = await createStaffUser(payload, ROLE_OF[actor])
    const { token } = await payload.login({
      collection: 'users',
      data: { email: cast.users[actor].email, password: PASSWORD },
    })
    cast.tokens[actor] = token!
  }
  return cast
}

const errorMessage = (json: Record<string, unknown>) => errorMessages(json)[0]
const failed = (error: { status?: number; message: string }): Outcome => ({
  succeeded: false,
  status: error.status,
  message: error.message,
})

export const readableByAnonymous = async (spec: ReviewedSpec, id: string) =>
  (await callRest('GET', `/api/${spec.slug}/${id}`)).status === 200

export async function attemptUpdate(
  cast: Cast,
  spec: ReviewedSpec,
  id: string,
  actor: Actor,
  door: Door,
  { data, draft }: Write,
): Promise<Outcome> {
  const token = actor === 'anonymous' ? null : cast.tokens[actor]
  const user = actor === 'anonymous' ? undefined : cast.users[actor]
  const draftQuery = draft ? 'draft=true' : ''
  switch (door) {
    case 'REST': {
      const { status, json } = await callRest('PATCH', `/api/${spec.slug}/${id}?${draftQuery}`, { token, body: data })
      return { succeeded: status === 200, status, message: errorMessage(json) }
    }
    case 'REST bulk': {
      const { status, json } = await callRest('PATCH', `/api/${spec.slug}?where[id][equals]=${id}&${draftQuery}`, {
        token,
        body: data,
      })
      return { succeeded: status === 200 && (json.docs as unknown[]).length === 1, status, message: errorMessage(json) }
    }
    case 'GraphQL': {
      const name = spec.graphqlName
      const query = `mutation ($data: mutation${name}UpdateInput!) { update${name}(id: "${id}", data: $data, draft: ${draft}) { id } }`
      const result = (await callGraphql(query, { data }, { token })).json as GraphqlResult
      return {
        succeeded: Boolean(result.data?.[`update${name}`]) && !result.errors,
        message: result.errors?.[0]?.message,
      }
    }
    case 'Local API':
      return cast.payload
        .update({ collection: spec.slug, id, data: data as never, draft, overrideAccess: false, user })
        .then(() => ({ succeeded: true }), failed)
  }
}

export async function attemptDelete(
  cast: Cast,
  spec: ReviewedSpec,
  id: string,
  actor: Actor,
  door: Door,
): Promise<Outcome> {
  const token = actor === 'anonymous' ? null : cast.tokens[actor]
  const user = actor === 'anonymous' ? undefined : cast.users[actor]
  switch (door) {
    case 'REST': {
      const { status, json } = await callRest('DELETE', `/api/${spec.slug}/${id}`, { token })
      return { succeeded: status === 200, status, message: errorMessage(json) }
    }
    case 'REST bulk': {
      const { status, json } = await callRest('DELETE', `/api/${spec.slug}?where[id][equals]=${id}`, { token })
      return { succeeded: status === 200 && (json.docs as unknown[]).length === 1, status, message: errorMessage(json) }
    }
    case 'GraphQL': {
      const mutation = `mutation { delete${spec.graphqlName}(id: "${id}") { id } }`
      const result = (await callGraphql(mutation, {}, { token })).json as GraphqlResult
      return {
        succeeded: Boolean(result.data?.[`delete${spec.graphqlName}`]) && !result.errors,
        message: result.errors?.[0]?.message,
      }
    }
    case 'Local API':
      return cast.payload
        .delete({ collection: spec.slug, id, overrideAccess: false, user })
        .then(() => ({ succeeded: true }), failed)
  }
}

/** A single-document refusal answers 403 over REST; anonymous callers and other owners never reach the rules. */
export function expectRefusal(outcome: Outcome, door: Door, message?: RegExp) {
  expect(outcome.succeeded).toBe(false)
  if (door === 'REST' || door === 'Local API') expect(outcome.status).toBe(403)
  if (message && outcome.message !== undefined) expect(outcome.message).toMatch(message)
}
