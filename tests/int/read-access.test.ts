// What anonymous readers and signed-in staff can read through the Local API with access control on.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, Term, User } from '@/payload-types'

import { createStaffUser, getTestPayload, seedProvidersForTest } from './support/harness'

let payload: Payload
let author: User
let category: Category
let publishedTerm: Term
let draftTerm: Term
let draftUseCaseId: string

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
  await createStaffUser(payload, 'admin')
  author = await createStaffUser(payload, 'author')
  category = await payload.create({ collection: 'categories', data: { name: 'Security', slug: 'security' } })

  const draftUseCase = await payload.create({
    collection: 'use-cases',
    data: { organization: 'Hidden org', scenario: 'Secret scenario', solution: 'Secret solution', _status: 'draft' },
    draft: true,
  })
  draftUseCaseId = draftUseCase.id
  draftTerm = await payload.create({
    collection: 'terms',
    data: {
      title: 'Unreleased Term',
      definition: 'Not ready for readers.',
      category: category.id,
      difficulty: 'beginner',
      _status: 'draft',
    },
    draft: true,
  })
  publishedTerm = await payload.create({
    collection: 'terms',
    data: {
      title: 'Public Term',
      slug: 'public-term',
      definition: 'Ready for readers.',
      category: category.id,
      difficulty: 'beginner',
      relatedTerms: [draftTerm.id],
      useCases: [draftUseCase.id],
      _status: 'published',
    },
  })
})

const asAnonymous = { overrideAccess: false } as const

/** The per-field messages of a Payload ValidationError, as the admin and the API show them. */
function fieldErrors(error: unknown): { path: string; message: string }[] {
  const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors
  if (!errors) throw new Error(`expected a validation error, got ${String(error)}`)
  return errors.map(({ path, message }) => ({ path, message }))
}

describe('anonymous readers', () => {
  it('list published terms only', async () => {
    const { docs, totalDocs } = await payload.find({ collection: 'terms', ...asAnonymous })
    expect(docs.map((term) => term.slug)).toEqual(['public-term'])
    expect(totalDocs).toBe(1)
  })

  it('cannot read a draft term by id, even when asking for drafts', async () => {
    await expect(payload.findByID({ collection: 'terms', id: draftTerm.id, ...asAnonymous })).rejects.toThrow()
    await expect(
      payload.findByID({ collection: 'terms', id: draftTerm.id, draft: true, ...asAnonymous }),
    ).rejects.toThrow()
  })

  it('do not count drafts', async () => {
    const { totalDocs } = await payload.count({ collection: 'terms', ...asAnonymous })
    expect(totalDocs).toBe(1)
  })

  it('see the live version, not a newer draft, of a published term', async () => {
    await payload.update({
      collection: 'terms',
      id: publishedTerm.id,
      data: { definition: 'Draft rewrite in progress.', _status: 'draft' },
      draft: true,
    })
    const live = await payload.findByID({ collection: 'terms', id: publishedTerm.id, draft: true, ...asAnonymous })
    expect(live.definition).toBe('Ready for readers.')
    const listed = await payload.find({ collection: 'terms', draft: true, ...asAnonymous })
    expect(JSON.stringify(listed.docs)).not.toContain('Draft rewrite in progress.')
    const listedLive = await payload.find({ collection: 'terms', ...asAnonymous })
    expect(listedLive.docs.map((term) => term.definition)).toEqual(['Ready for readers.'])
  })

  it('do not get unpublished documents populated through a published term', async () => {
    const term = await payload.findByID({ collection: 'terms', id: publishedTerm.id, depth: 2, ...asAnonymous })
    const related = term.relatedTerms ?? []
    expect(related.some((entry) => typeof entry === 'object')).toBe(false)
    expect(JSON.stringify(term)).not.toContain('Unreleased Term')
    expect(JSON.stringify(term)).not.toContain('Secret scenario')
  })

  it('do not learn the ids of unpublished documents a published term links to', async () => {
    const term = await payload.findByID({ collection: 'terms', id: publishedTerm.id, depth: 0, ...asAnonymous })
    expect(term.relatedTerms).toEqual([])
    expect(term.useCases).toEqual([])
    expect(JSON.stringify(term)).not.toContain(draftTerm.id)
    expect(JSON.stringify(term)).not.toContain(draftUseCaseId)
  })

  it('cannot read versions', async () => {
    await expect(payload.findVersions({ collection: 'terms', ...asAnonymous })).rejects.toThrow()
  })

  it('read categories and providers, which have no drafts', async () => {
    const categories = await payload.find({ collection: 'categories', ...asAnonymous })
    expect(categories.totalDocs).toBe(1)
    const providers = await payload.find({ collection: 'providers', ...asAnonymous })
    expect(providers.totalDocs).toBe(4)
  })

  it('cannot list use cases that are drafts', async () => {
    const { docs } = await payload.find({ collection: 'use-cases', ...asAnonymous })
    expect(docs.map((useCase) => useCase.id)).not.toContain(draftUseCaseId)
  })

  it('cannot create content', async () => {
    await expect(
      payload.create({
        collection: 'categories',
        data: { name: 'Vandalism', slug: 'vandalism' },
        ...asAnonymous,
      }),
    ).rejects.toThrow()
  })
})

describe('signed-in staff', () => {
  it('see every link of a published term, including to unpublished documents', async () => {
    const term = await payload.findByID({
      collection: 'terms',
      id: publishedTerm.id,
      depth: 0,
      user: author,
      overrideAccess: false,
    })
    expect(term.relatedTerms).toEqual([draftTerm.id])
    expect(term.useCases).toEqual([draftUseCaseId])
  })

  it('see drafts', async () => {
    const { docs } = await payload.find({ collection: 'terms', user: author, overrideAccess: false, draft: true })
    expect(docs.map((term) => term.slug).sort()).toEqual(['public-term', 'unreleased-term'])
  })

  it('can read versions', async () => {
    const versions = await payload.findVersions({ collection: 'terms', user: author, overrideAccess: false })
    expect(versions.totalDocs).toBeGreaterThan(0)
  })
})

describe('users and roles', () => {
  it('gives the very first account the admin role', async () => {
    const { docs } = await payload.find({ collection: 'users', sort: 'createdAt', limit: 1 })
    expect(docs[0]?.role).toBe('admin')
  })

  it('does not let a non-admin raise their own role', async () => {
    const updated = await payload.update({
      collection: 'users',
      id: author.id,
      data: { role: 'admin' },
      user: author,
      overrideAccess: false,
    })
    expect(updated.role).toBe('author')
  })

  it('lets staff see each other but only admins create or change other accounts', async () => {
    const { docs } = await payload.find({ collection: 'users', user: author, overrideAccess: false })
    expect(docs.length).toBeGreaterThan(1)
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'new@test.cloudlex', password: 'another-long-password', role: 'editor' },
        user: author,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    const someoneElse = docs.find((user) => user.id !== author.id)!
    await expect(
      payload.update({
        collection: 'users',
        id: someoneElse.id,
        data: { name: 'Renamed' },
        user: author,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
  })

  it('refuses anonymous reads of users', async () => {
    await expect(payload.find({ collection: 'users', ...asAnonymous })).rejects.toThrow()
  })
})

describe('term validation', () => {
  it('refuses a term related to itself', async () => {
    const error = await payload
      .update({ collection: 'terms', id: publishedTerm.id, data: { relatedTerms: [publishedTerm.id] } })
      .catch((caught: unknown) => caught)
    expect(fieldErrors(error)).toEqual([{ path: 'relatedTerms', message: 'A term cannot be related to itself.' }])
  })

  it('refuses a slug that is not kebab-case, naming the field', async () => {
    const error = await payload
      .create({
        collection: 'terms',
        data: { title: 'Bad Slug', slug: 'Bad Slug!', definition: 'x', category: category.id, difficulty: 'beginner' },
        draft: false,
      })
      .catch((caught: unknown) => caught)
    expect(fieldErrors(error)).toEqual([
      {
        path: 'slug',
        message: 'Slug "Bad Slug!" must be kebab-case: lower-case letters and digits separated by single hyphens.',
      },
    ])
  })

  it('derives the slug from the title when none is given', async () => {
    const term = await payload.create({
      collection: 'terms',
      data: { title: 'Pub/Sub Messaging', definition: 'x', category: category.id, difficulty: 'advanced' },
      draft: true,
    })
    expect(term.slug).toBe('pub-sub-messaging')
  })
})
