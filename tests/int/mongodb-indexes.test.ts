// MongoDB gets the same indexes as SQLite: they are declared in the collection configs, and the
// MongoDB adapter builds its models from them. Checked on the models themselves (Mongoose compiles them
// without a connection), so this runs without a MongoDB server; MongoDB creates them on start
// (`ensureIndexes`).
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import config from '@payload-config'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

type IndexKeys = Record<string, 1 | -1>
let indexesOf: (slug: string, versions?: boolean) => IndexKeys[]

beforeAll(async () => {
  const sanitized = await config
  // Only what building the models reads: the config, and no collection with a custom id type.
  const payload = { config: sanitized, collections: {}, logger: console } as unknown as Payload
  const adapter = mongooseAdapter({ url: 'mongodb://127.0.0.1:1/never-connected' }).init({ payload })
  await adapter.init?.()
  const models = adapter as unknown as {
    collections: Record<string, { schema: { indexes: () => [IndexKeys, unknown][] } }>
    versions: Record<string, { schema: { indexes: () => [IndexKeys, unknown][] } }>
  }
  indexesOf = (slug, versions = false) =>
    (versions ? models.versions : models.collections)[slug]!.schema.indexes().map(([keys]) => keys)
})

describe('indexes on MongoDB', () => {
  it('has the compound indexes of the site’s hot reads on terms', () => {
    expect(indexesOf('terms')).toEqual(
      expect.arrayContaining([
        { _status: 1, title: 1 },
        { category: 1, title: 1 },
        { _status: 1, updatedAt: 1 },
      ]),
    )
  })

  it('has the editorial desk’s stage index on every reviewed collection and its drafts', () => {
    for (const slug of ['terms', 'use-cases', 'faqs']) {
      expect(indexesOf(slug)).toContainEqual({ workflowStage: 1, updatedAt: 1 })
      expect(indexesOf(slug, true)).toContainEqual({ 'version.workflowStage': 1, 'version.updatedAt': 1 })
    }
  })

  it('indexes the single fields terms are looked up by', () => {
    const singleFields = indexesOf('terms')
      .filter((keys) => Object.keys(keys).length === 1)
      .map((keys) => Object.keys(keys)[0])
    expect(singleFields).toEqual(
      expect.arrayContaining([
        'slug',
        'title',
        'category',
        'difficulty',
        '_status',
        'updatedAt',
        'workflowStage',
        'assignee',
      ]),
    )
  })
})
