// Who may run the jobs queue and cancel scheduled jobs: editors and admins only, through the REST run
// endpoint, Payload's Schedule dialog and the jobs Local API with access control on.
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createLocalReq, type Payload, type Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'
import type { Category, Term, User } from '@/payload-types'

import { adminPanelArgs, createApprovedTerm, createStaffUser, getTestPayload, queueSchedule } from './support/harness'
import { callRest, tokenFor } from './support/api-routes'

let payload: Payload
let category: Category
const users = {} as Record<Role, User>
const tokens = {} as Record<Role, string>

beforeAll(async () => {
  payload = await getTestPayload()
  for (const role of ['admin', 'editor', 'reviewer', 'author'] as const) {
    users[role] = await createStaffUser(payload, role)
    tokens[role] = await tokenFor(payload, users[role])
  }
  category = await payload.create({ collection: 'categories', data: { name: 'Storage', slug: 'storage' } })
})

let termCounter = 0
function approvedTerm(): Promise<Term> {
  termCounter += 1
  const title = `Job Access Term ${termCounter}`
  return createApprovedTerm(payload, { author: users.author, reviewer: users.reviewer }, { title, category })
}

/** A publish of `term` by the editor that is due now, so the next run of the queue performs it. */
const queueDuePublish = (term: Term) =>
  queueSchedule(payload, term, 'publish', users.editor, new Date(Date.now() - 1000))

const isLive = async (term: Term) =>
  (await payload.count({ collection: 'terms', where: { id: { equals: term.id } }, overrideAccess: false }))
    .totalDocs === 1

/** Still waiting to run: not finished, removed or cancelled (a cancelled job is marked as failed). */
const isPending = async (jobId: string | number) => {
  const where: Where = {
    and: [{ id: { equals: jobId } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }],
  }
  return (await payload.db.find({ collection: 'payload-jobs', where, limit: 1 })).docs.length === 1
}

/** What Payload's Schedule dialog does when someone removes an upcoming schedule. */
async function removeInDialog(jobId: string | number, by: User) {
  return (await schedulePublishHandler({ deleteID: jobId, ...(await adminPanelArgs(payload, by)) })) as {
    error?: string
  }
}

describe('GET /api/payload-jobs/run', () => {
  it.each(['reviewer', 'author'] as const)('refuses a %s and runs nothing', async (role) => {
    const term = await approvedTerm()
    await queueDuePublish(term)
    const response = await callRest('GET', '/api/payload-jobs/run', { token: tokens[role] })
    expect(response.status).toBe(401)
    expect(await isLive(term)).toBe(false)
  })

  it('refuses an anonymous caller', async () => {
    expect((await callRest('GET', '/api/payload-jobs/run')).status).toBe(401)
  })

  it.each(['editor', 'admin'] as const)('lets an %s run the due jobs', async (role) => {
    const term = await approvedTerm()
    await queueDuePublish(term)
    const response = await callRest('GET', '/api/payload-jobs/run', { token: tokens[role] })
    expect(response.status).toBe(200)
    expect(await isLive(term)).toBe(true)
  })
})

describe('cancelling a scheduled job', () => {
  const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000)
  const queueLaterPublish = async () =>
    (await queueSchedule(payload, await approvedTerm(), 'publish', users.editor, inAnHour())).id

  it.each(['reviewer', 'author'] as const)('refuses a %s who removes a schedule in the dialog', async (role) => {
    const jobId = await queueLaterPublish()
    expect((await removeInDialog(jobId, users[role])).error).toBeTruthy()
    expect(await isPending(jobId)).toBe(true)
  })

  it.each(['editor', 'admin'] as const)('lets an %s remove a schedule in the dialog', async (role) => {
    const jobId = await queueLaterPublish()
    expect(await removeInDialog(jobId, users[role])).not.toHaveProperty('error')
    expect(await isPending(jobId)).toBe(false)
  })

  it('refuses an author who cancels through the jobs API with access control on, and lets an editor', async () => {
    const jobId = await queueLaterPublish()
    const asAuthor = await createLocalReq({ user: { ...users.author, collection: 'users' } }, payload)
    await expect(payload.jobs.cancelByID({ id: jobId, req: asAuthor, overrideAccess: false })).rejects.toThrow()
    expect(await isPending(jobId)).toBe(true)

    const asEditor = await createLocalReq({ user: { ...users.editor, collection: 'users' } }, payload)
    await payload.jobs.cancelByID({ id: jobId, req: asEditor, overrideAccess: false })
    expect(await isPending(jobId)).toBe(false)
  })
})
