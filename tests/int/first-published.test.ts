// A document that readers have seen keeps its history: the first-publish date the workflow keeps, how it
// is hidden and protected, documents from before it existed, and the same rules on use cases and FAQs.
import { sql, type MigrateUpArgs } from '@payloadcms/db-sqlite'
import type { Payload, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { backfillFirstPublishedAt } from '@/migrations/20261130_194319_first_published_at'
import type { Category } from '@/payload-types'

import { callGraphql, callRest, type GraphqlResult } from './support/api-routes'
import { getTestPayload, richTextParagraph } from './support/harness'
import { createInState, type DocumentState, type ReviewedSpec } from './support/reviewed-documents'
import {
  attemptDelete,
  attemptUpdate,
  type Cast,
  expectRefusal,
  readableByAnonymous,
  signInCast,
} from './support/workflow-doors'

const DELETE_REFUSAL = /only editors and admins can delete a document that has been published/i

let payload: Payload
let cast: Cast
let category: Category

const TERMS: ReviewedSpec = {
  slug: 'terms',
  graphqlName: 'Term',
  content: (unique) => ({ title: `History ${unique}`, definition: 'x', category: category.id, difficulty: 'beginner' }),
  editableField: 'definition',
}
const USE_CASES: ReviewedSpec = {
  slug: 'use-cases',
  graphqlName: 'UseCase',
  content: (unique) => ({ organization: `Org ${unique}`, scenario: 'S', solution: 'T' }),
  editableField: 'scenario',
}
const FAQS: ReviewedSpec = {
  slug: 'faqs',
  graphqlName: 'Faq',
  content: (unique) => ({
    question: `Why ${unique}?`,
    answer: richTextParagraph('Because.'),
  }),
  editableField: 'question',
}

let counter = 0
const create = (spec: ReviewedSpec, state: DocumentState) =>
  createInState(payload, spec, state, cast.users['author-owner'], `${Date.now().toString(36)}-${(counter += 1)}`)
const firstPublishedAt = async (id: string) =>
  (await payload.findByID({ collection: 'terms', id, draft: false, depth: 0 })).firstPublishedAt ?? null
const exists = async (spec: ReviewedSpec, id: string) =>
  (await payload.count({ collection: spec.slug, where: { id: { equals: id } } })).totalDocs === 1
const sqlite = () => (payload.db as unknown as { drizzle: MigrateUpArgs['db'] }).drizzle

/** As if the document had been published before the date was kept (or on a database never migrated). */
async function forgetFirstPublishedAt(id: string) {
  await sqlite().run(sql`UPDATE terms SET first_published_at = NULL WHERE id = ${id}`)
  await sqlite().run(sql`UPDATE _terms_v SET version_first_published_at = NULL WHERE parent_id = ${id}`)
}

beforeAll(async () => {
  payload = await getTestPayload()
  cast = await signInCast(payload)
  category = await payload.create({ collection: 'categories', data: { name: 'History', slug: 'history' } })
})

describe('the first-publish date', () => {
  it('is set on the first publish and kept through unpublishing and reopening', async () => {
    const never = await create(TERMS, 'draft')
    const reopened = await create(TERMS, 'reopened-after-publishing')
    expect(await firstPublishedAt(never)).toBeNull()
    const { docs } = await payload.findVersions({
      collection: 'terms',
      where: { parent: { equals: reopened } },
      sort: 'createdAt',
    })
    const firstPublish = docs.find((version) => version.version._status === 'published')!
    expect(await firstPublishedAt(reopened)).toBe(firstPublish.version.firstPublishedAt)
    expect(docs.at(-1)?.version.firstPublishedAt).toBe(firstPublish.version.firstPublishedAt)
  })

  it('is hidden from anonymous REST and GraphQL readers, and shown to staff', async () => {
    const id = await create(TERMS, 'published')
    expect((await callRest('GET', `/api/terms/${id}`)).json).not.toHaveProperty('firstPublishedAt')
    const anonymous = (await callGraphql(`{ Term(id: "${id}") { id firstPublishedAt } }`)).json as GraphqlResult
    expect(anonymous.data?.Term).toEqual({ id, firstPublishedAt: null })
    expect((await callRest('GET', `/api/terms/${id}`, { token: cast.tokens.reviewer })).json.firstPublishedAt).toEqual(
      expect.any(String),
    )
  })

  it('cannot be set or cleared by a client', async () => {
    const reopened = await create(TERMS, 'reopened-after-publishing')
    const kept = await firstPublishedAt(reopened)
    const cleared = await attemptUpdate(cast, TERMS, reopened, 'author-owner', 'REST', {
      data: { firstPublishedAt: null },
      draft: true,
    })
    expect(cleared.succeeded).toBe(true)
    expect(await firstPublishedAt(reopened)).toBe(kept)
    const draft = await payload.create({
      collection: 'terms',
      data: { ...TERMS.content('claims-history'), firstPublishedAt: '2020-01-01T00:00:00.000Z' },
      draft: true,
      overrideAccess: false,
      user: cast.users['author-owner'],
    })
    expect(await firstPublishedAt(draft.id)).toBeNull()
  })
})

describe('a document published before the date was kept', () => {
  it('still cannot be deleted by its author, by id or in bulk', async () => {
    const id = await create(TERMS, 'reopened-after-publishing')
    await forgetFirstPublishedAt(id)
    expectRefusal(await attemptDelete(cast, TERMS, id, 'author-owner', 'REST'), 'REST', DELETE_REFUSAL)
    const bulk = await attemptDelete(cast, TERMS, id, 'author-owner', 'REST bulk')
    expect(bulk.succeeded).toBe(false)
    expect(bulk.message).toMatch(DELETE_REFUSAL)
    expect(await exists(TERMS, id)).toBe(true)
  })

  it('gets the date of its oldest published version from the migration', async () => {
    const never = await create(TERMS, 'draft')
    const published = await create(TERMS, 'published')
    const reopened = await create(TERMS, 'reopened-after-publishing')
    const oldestPublishedVersion = async (id: string) => {
      const where: Where = { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] }
      return (await payload.findVersions({ collection: 'terms', where, sort: 'createdAt', limit: 1 })).docs[0]!
        .createdAt
    }
    const expected = [null, await oldestPublishedVersion(published), await oldestPublishedVersion(reopened)]
    for (const id of [published, reopened]) await forgetFirstPublishedAt(id)
    await backfillFirstPublishedAt(sqlite(), 'terms')
    expect([
      await firstPublishedAt(never),
      await firstPublishedAt(published),
      await firstPublishedAt(reopened),
    ]).toEqual(expected)
  })
})

for (const spec of [USE_CASES, FAQS]) {
  describe(`${spec.slug}: the same rules as terms`, () => {
    it('refuses a reviewer who takes a live one off the site, and lets an editor', async () => {
      const id = await create(spec, 'published')
      const unpublish = { data: { _status: 'draft', workflowStage: 'draft' }, draft: false }
      expectRefusal(
        await attemptUpdate(cast, spec, id, 'reviewer', 'REST', unpublish),
        'REST',
        /only editors and admins can unpublish/i,
      )
      expect(await readableByAnonymous(spec, id)).toBe(true)
      expect((await attemptUpdate(cast, spec, id, 'editor', 'REST', unpublish)).succeeded).toBe(true)
      expect(await readableByAnonymous(spec, id)).toBe(false)
    })

    it('refuses an author who deletes one that was published, by id or in bulk', async () => {
      const id = await create(spec, 'reopened-after-publishing')
      expectRefusal(await attemptDelete(cast, spec, id, 'author-owner', 'REST'), 'REST', DELETE_REFUSAL)
      expect((await attemptDelete(cast, spec, id, 'author-owner', 'REST bulk')).succeeded).toBe(false)
      expect(await exists(spec, id)).toBe(true)
      const never = await create(spec, 'draft')
      expect((await attemptDelete(cast, spec, never, 'author-owner', 'REST bulk')).succeeded).toBe(true)
    })
  })
}
