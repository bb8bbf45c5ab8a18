// The writes optimistic concurrency reached last: a GraphQL delete (checked through an If-Match header on
// the GraphQL POST, since Payload's generated mutations take no revision argument) and a version restore
// (REST, GraphQL, Local API). Made against a stale revision, each is refused and changes nothing.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { revisionTag } from '@/concurrency/revision-tags'
import { STALE_VERSION_CODE, StaleVersionError } from '@/concurrency/stale-version-error'
import type { Category, User } from '@/payload-types'

import { callGraphql, callRest, tokenFor } from './support/api-routes'
import { createDraftTerm, createStaffUser, getTestPayload, refusal } from './support/harness'

let payload: Payload
let editor: User
let editorToken: string
let category: Category
let termCounter = 0

const createTerm = () => createDraftTerm(payload, editor, { title: `Gap Term ${++termCounter}`, category })

const latest = (id: string) => payload.findByID({ collection: 'terms', id, draft: true, depth: 0 })
const termExists = async (id: string) =>
  (await payload.count({ collection: 'terms', where: { id: { equals: id } } })).totalDocs === 1

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
    callGraphql(
      `mutation { deleteTerm(id: "${id}") { id } }`,
      {},
      { token: editorToken, headers: ifMatch ? { 'If-Match': ifMatch } : {} },
    )

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

/** A term at revision 2 whose first version (revision 1) can be restored, and what a refused restore must leave. */
async function termWithAnOlderVersion() {
  const id = String((await createTerm()).id)
  await changeMeanwhile(id, 'The wording a restore would replace.')
  const { docs } = await payload.findVersions({
    collection: 'terms',
    where: { parent: { equals: id } },
    sort: 'createdAt',
    limit: 1,
  })
  return { id, versionId: String(docs[0]!.id) }
}

async function snapshot(id: string) {
  const stored = await latest(id)
  const versions = await payload.countVersions({ collection: 'terms', where: { parent: { equals: id } } })
  return { definition: stored.definition, revision: stored.revision, versions: versions.totalDocs }
}

describe('version restore', () => {
  it('REST: refuses a restore with a stale If-Match with 412 and the current ETag, changing nothing; restores with the current one', async () => {
    const { id, versionId } = await termWithAnOlderVersion()
    const before = await snapshot(id)
    const restore = (ifMatch: string) =>
      callRest('POST', `/api/terms/versions/${versionId}`, { token: editorToken, headers: { 'If-Match': ifMatch } })
    const stale = await restore(revisionTag(id, 1))
    expect(stale.status).toBe(412)
    expect(stale.headers.get('etag')).toBe(revisionTag(id, 2))
    expect(await snapshot(id)).toEqual(before)

    const current = await restore(revisionTag(id, 2))
    expect(current.status).toBe(200)
    expect(current.headers.get('etag')).toBe(revisionTag(id, 3))
    const restored = await latest(id)
    expect(restored.definition).toBe(`${restored.title} explained.`)
  })

  it('Local API: refuses a restore whose context names a stale revision with StaleVersionError, changing nothing', async () => {
    const { id, versionId } = await termWithAnOlderVersion()
    const before = await snapshot(id)
    const restore = (expectedRevision: number) =>
      payload.restoreVersion({
        collection: 'terms',
        id: versionId,
        depth: 0,
        context: { expectedRevision },
        user: editor,
        overrideAccess: false,
      })
    const error = await refusal(restore(1))
    expect(error).toBeInstanceOf(StaleVersionError)
    expect((error as StaleVersionError).currentRevision).toBe(2)
    expect(await snapshot(id)).toEqual(before)
    expect((await restore(2)).revision).toBe(3)
  })

  it('GraphQL: refuses a restore whose If-Match names a stale revision with STALE_VERSION, changing nothing', async () => {
    const { id, versionId } = await termWithAnOlderVersion()
    const before = await snapshot(id)
    const mutation = `mutation { restoreVersionTerm(id: "${versionId}") { revision } }`
    const stale = await callGraphql(mutation, {}, { token: editorToken, headers: { 'If-Match': revisionTag(id, 1) } })
    expect(firstGraphqlError(stale.json)?.extensions?.code).toBe(STALE_VERSION_CODE)
    expect(await snapshot(id)).toEqual(before)
    const current = await callGraphql(mutation, {}, { token: editorToken, headers: { 'If-Match': revisionTag(id, 2) } })
    expect(current.json.data).toEqual({ restoreVersionTerm: { revision: 3 } })
  })
})
