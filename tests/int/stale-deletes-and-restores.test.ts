// The writes optimistic concurrency reached last: a GraphQL delete (checked through an If-Match header on
// the GraphQL POST, since Payload's generated mutations take no revision argument) and a version restore
// (REST, GraphQL, Local API). Made against a stale revision, each is refused and changes nothing.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { revisionTag } from '@/concurrency/revision-tags'
import { STALE_VERSION_CODE } from '@/concurrency/stale-version-error'
import type { Category, Term, User } from '@/payload-types'

import { callGraphql, tokenFor } from './helpers/api-routes'
import { createStaffUser, getTestPayload } from './helpers/payload'

let payload: Payload
let editor: User
let editorToken: string
let category: Category
let termCounter = 0

async function createTerm(): Promise<Term> {
  const title = `Gap Term ${++termCounter}`
  return payload.create({
    collection: 'terms',
    data: { title, definition: `${title} explained.`, category: category.id, difficulty: 'beginner' },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
}

const latest = (id: string) => payload.findByID({ collection: 'terms', id, draft: true, depth: 0 })
const termExists = async (id: string) => (await payload.count({ collection: 'terms', where: { id: { equals: id } } })).totalDocs === 1

async function changeMeanwhile(id: string, definition = 'Changed meanwhile.') {
  await payload.update({ collection: 'terms', id, data: { definition }, draft: true, depth: 0 })
}

type GraphqlError = { extensions?: { code?: string; data?: { documents: { currentRevision: number }[] } } }
const firstGraphqlError = (json: Record<string, unknown>) => ((json.errors ?? []) as GraphqlError[])[0]

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createStaffUser(payload, 'editor')
  editorToken = await tokenFor(payload, editor)
  category = await payload.create({ collection: 'categories', data: { name: 'Compute', slug: 'compute' } })
})

describe('GraphQL delete', () => {
  const deleteTerm = (id: string, ifMatch?: string) =>
    callGraphql(`mutation { deleteTerm(id: "${id}") { id } }`, {}, { token: editorToken, headers: ifMatch ? { 'If-Match': ifMatch } : {} })

  it('refuses a delete whose If-Match names a stale revision with STALE_VERSION, and deletes nothing', async () => {
    const id = String((await createTerm()).id)
    await changeMeanwhile(id)
    const stale = await deleteTerm(id, revisionTag(id, 1))
    expect(firstGraphqlError(stale.json)?.extensions?.code).toBe(STALE_VERSION_CODE)
    expect(firstGraphqlError(stale.json)?.extensions?.data?.documents[0]?.currentRevision).toBe(2)
    expect(await termExists(id)).toBe(true)
    expect((await latest(id)).revision).toBe(2)
  })

  it('deletes when If-Match names the current revision, and checks only the documents its tags name', async () => {
    const [checked, unnamed] = [String((await createTerm()).id), String((await createTerm()).id)]
    const current = await deleteTerm(checked, revisionTag(checked, 1))
    expect(current.json.errors).toBeUndefined()
    expect(await termExists(checked)).toBe(false)
    const other = await deleteTerm(unnamed, revisionTag('some-other-document', 1))
    expect(other.json.errors).toBeUndefined()
    expect(await termExists(unnamed)).toBe(false)
  })
})
