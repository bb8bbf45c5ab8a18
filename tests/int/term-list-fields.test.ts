// The fields terms keep for the public lists (src/collections/Terms/list-fields.ts) are derived by the
// server on every write, whatever the client sends, and a term may not take the slug the A–Z pages use.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, Provider } from '@/payload-types'

import { getTestPayload, seedProvidersForTest } from './support/harness'

let payload: Payload
let security: Category
let aws: Provider
let azure: Provider

const stored = (id: string) =>
  payload.findByID({ collection: 'terms', id, depth: 0, overrideAccess: true, draft: false })

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
  security = await payload.create({ collection: 'categories', data: { name: 'Security', slug: 'security' } })
  const providers = await payload.find({ collection: 'providers', depth: 0, limit: 10 })
  aws = providers.docs.find((provider) => provider.slug === 'aws')!
  azure = providers.docs.find((provider) => provider.slug === 'azure')!
})

describe('the derived list fields of a term', () => {
  let id: string

  it('are set from the title and the provider equivalents on create, ignoring values the client sends', async () => {
    const term = await payload.create({
      collection: 'terms',
      data: {
        title: 'Élan Gateway',
        definition: 'Routes calls.',
        category: security.id,
        difficulty: 'beginner',
        providerEquivalents: [
          { provider: aws.id, service: 'API Gateway' },
          { provider: azure.id, service: '  ', matchLevel: 'none' },
        ],
        indexLetter: 'Z',
        sortTitle: 'zzz',
        providersWithService: [azure.id],
        _status: 'published',
      } as never,
    })
    id = String(term.id)
    expect(await stored(id)).toMatchObject({
      indexLetter: 'E',
      sortTitle: 'elan gateway',
      providersWithService: [aws.id],
    })
  })

  it('keep their values when an update leaves the title and equivalents alone', async () => {
    await payload.update({ collection: 'terms', id, data: { definition: 'Routes calls to services.' } })
    expect(await stored(id)).toMatchObject({
      indexLetter: 'E',
      sortTitle: 'elan gateway',
      providersWithService: [aws.id],
    })
  })

  it('follow a new title and new equivalents', async () => {
    await payload.update({
      collection: 'terms',
      id,
      data: { title: '3D Gateway', providerEquivalents: [{ provider: azure.id, service: 'Application Gateway' }] },
    })
    expect(await stored(id)).toMatchObject({
      indexLetter: '#',
      sortTitle: '3d gateway',
      providersWithService: [azure.id],
    })
  })
})

describe('term slugs', () => {
  it('refuse "letter", the address of the A–Z pages, naming the reason', async () => {
    const error = await payload
      .create({
        collection: 'terms',
        data: {
          title: 'Letter',
          slug: 'letter',
          definition: 'A term whose slug would be /terms/letter.',
          category: security.id,
          difficulty: 'beginner',
          _status: 'published',
        },
      })
      .catch((caught: unknown) => caught)
    const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors
    expect(errors).toMatchObject([
      {
        path: 'slug',
        message: 'Slug "letter" is reserved: the A–Z index pages live under /terms/letter/. Choose another slug.',
      },
    ])
  })
})
