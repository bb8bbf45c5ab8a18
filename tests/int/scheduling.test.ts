// Scheduled publish and unpublish on the jobs queue: due jobs publish as the scheduling user, under
// the same workflow rules; only editors and admins can schedule.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, Term, User } from '@/payload-types'

import { createStaffUser, getTestPayload } from './helpers/payload'

let payload: Payload
let editor: User
let reviewer: User
let author: User
let category: Category

async function termInStage(title: string, stage: 'approved' | 'in_review'): Promise<Term> {
  const term = await payload.create({
    collection: 'terms',
    data: { title, definition: `${title}.`, category: category.id, difficulty: 'beginner' },
    draft: true,
    user: author,
    overrideAccess: false,
  })
  await payload.update({ collection: 'terms', id: term.id, data: { workflowStage: 'in_review' }, draft: true, user: author })
  if (stage === 'approved') {
    await payload.update({ collection: 'terms', id: term.id, data: { workflowStage: 'approved' }, draft: true, user: reviewer })
  }
  return term
}

function schedule(term: Term, type: 'publish' | 'unpublish', by: User, waitUntil: Date) {
  return payload.jobs.queue({
    task: 'schedulePublish',
    input: { type, doc: { relationTo: 'terms' as const, value: term.id }, user: { relationTo: 'users', value: by.id } },
    waitUntil,
  })
}

/** Jobs are Payload's own collection, outside the generated types. */
async function findJob(id: string | number): Promise<{ hasError?: boolean | null }> {
  const jobs = payload.db as unknown as { findOne: (args: object) => Promise<{ hasError?: boolean | null } | null> }
  const job = await jobs.findOne({ collection: 'payload-jobs', where: { id: { equals: id } } })
  if (!job) throw new Error(`job ${id} not found`)
  return job
}

const isLive = async (term: Term) =>
  (await payload.count({ collection: 'terms', where: { id: { equals: term.id } }, overrideAccess: false })).totalDocs === 1

beforeAll(async () => {
  payload = await getTestPayload()
  await createStaffUser(payload, 'admin') // the first account always becomes admin
  editor = await createStaffUser(payload, 'editor')
  reviewer = await createStaffUser(payload, 'reviewer')
  author = await createStaffUser(payload, 'author')
  category = await payload.create({ collection: 'categories', data: { name: 'Networking', slug: 'networking' } })
})

describe('scheduled publishing', () => {
  it('publishes an approved term when its time comes, not before', async () => {
    const term = await termInStage('Scheduled Term', 'approved')
    await schedule(term, 'publish', editor, new Date(Date.now() + 60 * 60 * 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)

    await schedule(term, 'publish', editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(true)
    expect((await payload.findByID({ collection: 'terms', id: term.id })).workflowStage).toBe('published')
  })

  it('unpublishes on schedule', async () => {
    const term = await termInStage('Short Lived Term', 'approved')
    await payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, user: editor })
    await schedule(term, 'unpublish', editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)
    expect((await payload.findByID({ collection: 'terms', id: term.id })).workflowStage).toBe('unpublished')
  })

  it('does not publish a term that is no longer approved when the job runs', async () => {
    const term = await termInStage('Unready Term', 'in_review')
    const job = await schedule(term, 'publish', editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)
    expect((await findJob(job.id)).hasError).toBe(true)
  })

  it('does not publish for an author who queued a schedule', async () => {
    const term = await termInStage('Author Scheduled', 'approved')
    const job = await schedule(term, 'publish', author, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)
    expect((await findJob(job.id)).hasError).toBe(true)
  })
})
