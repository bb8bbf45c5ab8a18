// A bulk update or delete that fails on one document changes nothing at all: not the documents before or
// after it in the batch, and not what the failing one wrote before it failed (revision, versions,
// change-log rows, audit entries). The failures are real ones: a validation error and a unique slug.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { BULK_WRITE_REFUSED_CODE, BulkWriteRefusedError } from '@/concurrency/all-or-nothing-bulk-writes'
import type { Category, User } from '@/payload-types'

import { callRest, errorMessage, tokenFor } from './support/api-routes'
import { createDraftTerm, createStaffUser, getTestPayload } from './support/harness'

let payload: Payload
let editor: User
let editorToken: string
let author: User
let authorToken: string
let category: Category
let termCounter = 0

async function createTerms(count: number, creator: User = editor): Promise<string[]> {
  const ids: string[] = []
  for (let index = 0; index < count; index += 1) {
    const title = `Batch Term ${++termCounter}`
    const term = await createDraftTerm(payload, creator, { title, category })
    ids.push(String(term.id))
  }
  return ids
}

/** Everything a write of these terms could have touched, as stored now. */
async function storedState(ids: string[]) {
  const terms = await Promise.all(
    ids.map(async (id) => ({
      latest: await payload.findByID({ collection: 'terms', id, draft: true, depth: 0 }),
      live: await payload.findByID({ collection: 'terms', id, draft: false, depth: 0 }),
      versions: (await payload.countVersions({ collection: 'terms', where: { parent: { equals: id } } })).totalDocs,
    })),
  )
  const contentChanges = (await payload.count({ collection: 'content-changes' })).totalDocs
  const auditEntries = (await payload.count({ collection: 'audit-log' })).totalDocs
  return { terms, contentChanges, auditEntries }
}

/**
 * A draft again, published once before Cloudlex kept first-publish dates: the access rule lets its author
 * reach it, and the delete guard refuses it (src/workflow/hooks/guard-delete.ts).
 */
async function makePublishedBeforeFirstPublishDatesWereKept(id: string) {
  await payload.update({ collection: 'terms', id, data: { _status: 'published' }, depth: 0 })
  await payload.update({ collection: 'terms', id, data: { workflowStage: 'unpublished' }, depth: 0 })
  await payload.update({ collection: 'terms', id, data: { workflowStage: 'draft', _status: 'draft' }, depth: 0 })
  await payload.db.updateOne({ collection: 'terms', where: { id: { equals: id } }, data: { firstPublishedAt: null } })
}

const idsWhere = (ids: string[]) => ids.map((id, index) => `where[id][in][${index}]=${id}`).join('&')

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createStaffUser(payload, 'editor')
  editorToken = await tokenFor(payload, editor)
  author = await createStaffUser(payload, 'author')
  authorToken = await tokenFor(payload, author)
  category = await payload.create({ collection: 'categories', data: { name: 'Databases', slug: 'databases' } })
})

describe('a bulk write that fails on one document', () => {
  it('REST PATCH: changes no document and answers with the failing document’s error', async () => {
    const ids = await createTerms(3)
    const before = await storedState(ids)
    // The middle term may not be related to itself: a validation error on that one document only.
    const answer = await callRest('PATCH', `/api/terms?${idsWhere(ids)}`, {
      token: editorToken,
      body: { relatedTerms: [ids[1]] },
    })
    expect(await storedState(ids)).toEqual(before)
    expect(answer.status, errorMessage(answer)).toBe(400)
    const [error] = answer.json.errors as {
      message: string
      data: { code: string; errors: { id: string; message: string }[] }
    }[]
    expect(error!.message).toMatch(/^Nothing was updated: one document could not be updated/)
    expect(error!.data.code).toBe(BULK_WRITE_REFUSED_CODE)
    expect(error!.data.errors.map((failed) => String(failed.id))).toEqual([ids[1]])
  })

  it('Local API update: a late failure (a slug another term of the batch took) leaves every document as it was', async () => {
    const ids = await createTerms(3)
    const before = await storedState(ids)
    let refusal: unknown
    try {
      await payload.update({
        collection: 'terms',
        where: { id: { in: ids } },
        data: { slug: `shared-slug-${termCounter}` },
        depth: 0,
      })
    } catch (error) {
      refusal = error
    }
    expect(await storedState(ids)).toEqual(before)
    expect(refusal).toBeInstanceOf(BulkWriteRefusedError)
    expect((refusal as BulkWriteRefusedError).errors).toHaveLength(2)
  })

  it('REST DELETE: deletes nothing when one document of the batch may not be deleted', async () => {
    const ids = await createTerms(3, author)
    await makePublishedBeforeFirstPublishDatesWereKept(ids[1]!)
    const before = await storedState(ids)
    const answer = await callRest('DELETE', `/api/terms?${idsWhere(ids)}`, { token: authorToken })
    expect(await storedState(ids)).toEqual(before)
    expect(answer.status, errorMessage(answer)).toBe(400)
    const [error] = answer.json.errors as { message: string }[]
    expect(error!.message).toContain('Nothing was deleted: one document could not be deleted')
  })
})
