// Releases: several documents published together, now or on schedule, all or nothing.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, User } from '@/payload-types'
import { publishRelease } from '@/workflow/publish-release'

import { createDraftTerm, createRelease, createStaffUsers, getTestPayload, moveTermTo } from './support/harness'

let payload: Payload
let editor: User
let reviewer: User
let author: User
let category: Category

async function termIn(title: string, stage: 'approved' | 'in_review') {
  const term = await createDraftTerm(payload, author, { title, category })
  await moveTermTo(payload, term, 'in_review', author)
  if (stage === 'approved') await moveTermTo(payload, term, 'approved', reviewer)
  return term
}

const moveUseCase = (id: string, workflowStage: 'in_review' | 'approved', by: User) =>
  payload.update({ collection: 'use-cases', id, data: { workflowStage }, draft: true, user: by })

async function approvedUseCase(organization: string) {
  const useCase = await payload.create({
    collection: 'use-cases',
    data: { organization, scenario: 'A scenario', solution: 'A solution' },
    draft: true,
    user: author,
  })
  await moveUseCase(useCase.id, 'in_review', author)
  await moveUseCase(useCase.id, 'approved', reviewer)
  return useCase
}

const liveCount = async (collection: 'terms' | 'use-cases', ids: string[]) =>
  (await payload.count({ collection, where: { id: { in: ids } }, overrideAccess: false })).totalDocs

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ editor, reviewer, author } = await createStaffUsers(payload, ['admin', 'editor', 'reviewer', 'author']))
  category = await payload.create({ collection: 'categories', data: { name: 'Databases', slug: 'databases' } })
})

describe('releases', () => {
  it('publishes a new term together with its use case', async () => {
    const term = await termIn('Release Term', 'approved')
    const useCase = await approvedUseCase('Release Org')
    const release = await createRelease(payload, editor, {
      name: 'Launch',
      documents: [
        { relationTo: 'terms', value: term.id },
        { relationTo: 'use-cases', value: useCase.id },
      ],
    })
    expect(await publishRelease(payload, release.id, editor)).toEqual({ published: true, count: 2 })
    expect(await liveCount('terms', [term.id])).toBe(1)
    expect(await liveCount('use-cases', [useCase.id])).toBe(1)
    expect((await payload.findByID({ collection: 'releases', id: release.id })).status).toBe('published')
  })

  it('publishes nothing when one document is not ready, and says why', async () => {
    const ready = await termIn('Ready Term', 'approved')
    const unready = await termIn('Unready Term', 'in_review')
    const release = await createRelease(payload, editor, {
      name: 'Half ready',
      documents: [
        { relationTo: 'terms', value: ready.id },
        { relationTo: 'terms', value: unready.id },
      ],
    })
    const outcome = await publishRelease(payload, release.id, editor)
    expect(outcome.published).toBe(false)
    expect(outcome.published === false && outcome.reason).toBe(
      `terms ${unready.id} (Unready Term): Only approved content can be published (this is "In review"); releases and scheduled publishes never override that`,
    )
    expect(await liveCount('terms', [ready.id, unready.id])).toBe(0)
    const stored = await payload.findByID({ collection: 'releases', id: release.id })
    expect(stored.status).toBe('failed')
    expect(stored.failureReason).toContain('Only approved content can be published')
  })

  it('publishes at the scheduled time through the jobs queue', async () => {
    const term = await termIn('Scheduled Release Term', 'approved')
    const release = await createRelease(payload, editor, {
      name: 'Timed',
      documents: [{ relationTo: 'terms', value: term.id }],
      publishAt: new Date(Date.now() - 1000),
    })
    expect((await payload.findByID({ collection: 'releases', id: release.id })).status).toBe('scheduled')
    expect(await liveCount('terms', [term.id])).toBe(0)
    await payload.jobs.run()
    expect(await liveCount('terms', [term.id])).toBe(1)
    expect((await payload.findByID({ collection: 'releases', id: release.id })).status).toBe('published')
  })

  it('is managed by editors and admins only', async () => {
    for (const user of [author, reviewer]) {
      await expect(
        payload.create({ collection: 'releases', data: { name: 'Not mine' }, user, overrideAccess: false }),
      ).rejects.toThrow()
    }
  })
})
