// Scheduled publish and unpublish on the jobs queue: due jobs publish as the scheduling user, under
// the same workflow rules; only editors and admins can schedule; each schedule and cancellation is in
// the audit log.
import {
  getUpcomingScheduledPublishHandler,
  schedulePublishHandler,
} from '@payloadcms/ui/utilities/schedulePublishHandler'
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { AuditLog, Category, Term, User } from '@/payload-types'

import {
  adminPanelArgs,
  createDraftTerm,
  createStaffUsers,
  getTestPayload,
  moveTermTo,
  queueSchedule,
} from './support/harness'

let payload: Payload
let admin: User
let editor: User
let reviewer: User
let author: User
let category: Category

async function termInStage(title: string, stage: 'approved' | 'in_review'): Promise<Term> {
  const term = await createDraftTerm(payload, author, { title, category })
  await moveTermTo(payload, term, 'in_review', author)
  if (stage === 'approved') await moveTermTo(payload, term, 'approved', reviewer)
  return term
}

/** Jobs are Payload's own collection, outside the generated types. */
async function findJob(id: string | number): Promise<{ hasError?: boolean | null }> {
  const jobs = payload.db as unknown as { findOne: (args: object) => Promise<{ hasError?: boolean | null } | null> }
  const job = await jobs.findOne({ collection: 'payload-jobs', where: { id: { equals: id } } })
  if (!job) throw new Error(`job ${id} not found`)
  return job
}

const isLive = async (term: Term) =>
  (await payload.count({ collection: 'terms', where: { id: { equals: term.id } }, overrideAccess: false }))
    .totalDocs === 1

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ admin, editor, reviewer, author } = await createStaffUsers(payload, ['admin', 'editor', 'reviewer', 'author']))
  category = await payload.create({ collection: 'categories', data: { name: 'Networking', slug: 'networking' } })
})

describe('scheduled publishing', () => {
  it('publishes an approved term when its time comes, not before', async () => {
    const term = await termInStage('Scheduled Term', 'approved')
    await queueSchedule(payload, term, 'publish', editor, new Date(Date.now() + 60 * 60 * 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)

    await queueSchedule(payload, term, 'publish', editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(true)
    expect((await payload.findByID({ collection: 'terms', id: term.id })).workflowStage).toBe('published')
  })

  it('unpublishes on schedule', async () => {
    const term = await termInStage('Short Lived Term', 'approved')
    await payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, user: editor })
    await queueSchedule(payload, term, 'unpublish', editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)
    expect((await payload.findByID({ collection: 'terms', id: term.id })).workflowStage).toBe('unpublished')
  })

  it('does not publish a term that is no longer approved when the job runs', async () => {
    const term = await termInStage('Unready Term', 'in_review')
    const job = await queueSchedule(payload, term, 'publish', editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)
    expect((await findJob(job.id)).hasError).toBe(true)
  })

  it('does not publish for an author who queued a schedule', async () => {
    const term = await termInStage('Author Scheduled', 'approved')
    const job = await queueSchedule(payload, term, 'publish', author, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)
    expect((await findJob(job.id)).hasError).toBe(true)
  })
})

/** What the admin panel's server-function wrapper hands a handler for a signed-in user. */
/** What Payload's Schedule dialog does when you pick a time and press Save. */
async function scheduleThroughDialog(term: Term, type: 'publish' | 'unpublish', by: User, date: Date) {
  const outcome = await schedulePublishHandler({
    type,
    date,
    doc: { relationTo: 'terms', value: String(term.id) },
    ...(await adminPanelArgs(payload, by)),
  })
  return outcome as { error?: string; message?: string }
}

async function scheduleEntries(term: Term): Promise<AuditLog[]> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: { and: [{ targetId: { equals: String(term.id) } }, { action: { equals: 'schedule' } }] },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
  })
  return docs
}

const pendingSchedules = async (term: Term) =>
  (
    await payload.db.find({
      collection: 'payload-jobs',
      where: { and: [{ 'input.doc.value': { equals: String(term.id) } }, { completedAt: { exists: false } }] },
      limit: 0,
    })
  ).docs

describe('the audit log of single-document schedules', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('records who scheduled which document, for when, and whether to publish or unpublish', async () => {
    const term = await termInStage('Audited Schedule', 'approved')
    const publishAt = new Date(Date.now() + 2 * 60 * 60 * 1000)
    const unpublishAt = new Date(Date.now() + 5 * 60 * 60 * 1000)
    expect(await scheduleThroughDialog(term, 'publish', editor, publishAt)).not.toHaveProperty('error')
    expect(await scheduleThroughDialog(term, 'unpublish', admin, unpublishAt)).not.toHaveProperty('error')

    const entries = await scheduleEntries(term)
    expect(entries).toEqual([
      expect.objectContaining({
        actorType: 'user',
        actor: editor.id,
        actorLabel: editor.email,
        targetCollection: 'terms',
        targetTitle: 'Audited Schedule',
        note: `Scheduled publish at ${publishAt.toISOString()}.`,
      }),
      expect.objectContaining({
        actor: admin.id,
        actorLabel: admin.email,
        note: `Scheduled unpublish at ${unpublishAt.toISOString()}.`,
      }),
    ])
  })

  it('records a schedule removed in the dialog as cancelled, by the person who removed it', async () => {
    const term = await termInStage('Cancelled Schedule', 'approved')
    const publishAt = new Date(Date.now() + 60 * 60 * 1000)
    await scheduleThroughDialog(term, 'publish', editor, publishAt)
    const asAdmin = await adminPanelArgs(payload, admin)
    const [upcoming] = await getUpcomingScheduledPublishHandler({ id: term.id, collectionSlug: 'terms', ...asAdmin })
    expect(upcoming).toBeDefined()

    expect(await schedulePublishHandler({ deleteID: upcoming!.id, ...asAdmin })).not.toHaveProperty('error')

    expect(await pendingSchedules(term)).toEqual([])
    const entries = await scheduleEntries(term)
    expect(entries.map((entry) => `${entry.actorLabel}: ${entry.note}`)).toEqual([
      `${editor.email}: Scheduled publish at ${publishAt.toISOString()}.`,
      `${admin.email}: Cancelled the scheduled publish at ${publishAt.toISOString()}.`,
    ])
  })

  it('does not count a schedule that ran as cancelled when the runner clears it away', async () => {
    const term = await termInStage('Schedule That Ran', 'approved')
    await scheduleThroughDialog(term, 'publish', editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(await isLive(term)).toBe(true)
    expect(await pendingSchedules(term)).toEqual([])
    expect((await scheduleEntries(term)).map((entry) => entry.note)).toEqual([
      expect.stringMatching(/^Scheduled publish at /),
    ])
  })

  it('queues nothing when the entry cannot be written', async () => {
    const term = await termInStage('Unrecorded Schedule', 'approved')
    const create = payload.db.create.bind(payload.db)
    vi.spyOn(payload.db, 'create').mockImplementation(((options: Parameters<Payload['db']['create']>[0]) =>
      options.collection === 'audit-log'
        ? Promise.reject(new Error('audit log unavailable'))
        : create(options)) as Payload['db']['create'])

    const outcome = await scheduleThroughDialog(term, 'publish', editor, new Date(Date.now() + 60 * 60 * 1000))

    expect(outcome.error).toMatch(/Error scheduling publish/)
    expect(await pendingSchedules(term)).toEqual([])
  })
})
