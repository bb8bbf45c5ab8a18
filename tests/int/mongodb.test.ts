// The same content operations on MongoDB, the production database. Runs when MONGODB_TEST_URI points
// at a MongoDB replica set (transactions need one); each run uses a database of its own and drops it.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dropDatabase, MONGODB_TEST_URI, reportSkippedWithoutMongo, withOwnDatabase } from './support/mongodb'

reportSkippedWithoutMongo()

describe.skipIf(!MONGODB_TEST_URI)('on MongoDB', () => {
  let payload: Payload

  beforeAll(async () => {
    process.env.DATABASE_URI = withOwnDatabase(MONGODB_TEST_URI!)
    const [{ default: config }, { getPayload }] = await Promise.all([import('@payload-config'), import('payload')])
    payload = await getPayload({ config, key: process.env.DATABASE_URI })
  })

  afterAll(async () => {
    await dropDatabase(payload)
    await payload?.destroy()
  })

  it('imports seed terms idempotently and serves only published ones to anonymous readers', async () => {
    const { importTermDocuments, countChanges } = await import('@/content-transfer/import-terms')
    const { readSeedDocuments, seedProvidersForTest } = await import('./support/harness')
    await seedProvidersForTest(payload)
    const documents = (await readSeedDocuments()).slice(0, 6)

    const first = await importTermDocuments(payload, documents, { status: 'published' })
    expect(first.failed).toEqual([])
    expect(first.created).toHaveLength(6)
    expect(countChanges(await importTermDocuments(payload, documents, { status: 'published' }))).toBe(0)

    const draftOnly = { ...documents[0]!, title: 'Mongo Draft Term', slug: 'mongo-draft-term' }
    await importTermDocuments(payload, [draftOnly], { status: 'draft' })
    const anonymous = await payload.find({ collection: 'terms', overrideAccess: false, pagination: false })
    expect(anonymous.docs.map((term) => term.slug)).not.toContain('mongo-draft-term')
    expect(anonymous.totalDocs).toBe(6)
  })

  it('rolls back a failed term as a whole (transactions on the replica set)', async () => {
    const { importTermDocuments } = await import('@/content-transfer/import-terms')
    const useCasesBefore = (await payload.count({ collection: 'use-cases' })).totalDocs
    const report = await importTermDocuments(
      payload,
      [
        {
          title: 'Broken On Mongo',
          slug: 'broken-on-mongo',
          definition: 'Fails validation.',
          analogy: null,
          useCases: [{ organization: 'Org', scenario: 'S', solution: 'T', outcome: null }],
          providerEquivalents: [],
          faqs: [],
          category: 'testing',
          difficulty: 'expert' as 'advanced',
          relatedTerms: [],
          seeAlso: [],
        },
      ],
      { status: 'published' },
    )
    expect(report.failed).toHaveLength(1)
    expect((await payload.count({ collection: 'use-cases' })).totalDocs).toBe(useCasesBefore)
  })
})
