// Many writes at once against the embedded SQLite database, as a busy server sees them: none may fail
// with "database is locked", and transactions still roll back as a whole.
import type { Payload } from 'payload'
import { beforeAll, expect, it } from 'vitest'

import { importTermDocuments } from '@/content-transfer/import-terms'

import { getTestPayload, readSeedDocuments, seedProvidersForTest } from './support/harness'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
})

it('serves overlapping transactions and plain writes without SQLITE_BUSY', async () => {
  const documents = (await readSeedDocuments()).slice(0, 8)
  const categoryWrites = Array.from({ length: 25 }, (_, index) =>
    payload.create({ collection: 'categories', data: { name: `Parallel ${index}`, slug: `parallel-${index}` } }),
  )
  const providers = await payload.find({ collection: 'providers', pagination: false })
  const providerWrites = providers.docs.map((provider, index) =>
    payload.update({ collection: 'providers', id: provider.id, data: { displayOrder: 10 + index } }),
  )
  const imported = importTermDocuments(payload, documents, { status: 'published' })
  const results = await Promise.allSettled([...categoryWrites, ...providerWrites, imported])
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []))
  expect(failures).toEqual([])
  expect((await imported).failed).toEqual([])
  expect((await payload.count({ collection: 'terms', where: { _status: { equals: 'published' } } })).totalDocs).toBe(8)
})
