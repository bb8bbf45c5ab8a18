// Leased jobs: an instance runs a due job only while it holds the job's lease, another instance takes
// the job over once that lease has run out (its holder died), and Payload's own runner alone would
// leave such a job stuck. The race between processes is in job-leases-race.test.ts.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, Term, User } from '@/payload-types'
import { leaseDueJobs, readLeaseSeconds, renewLeases, runLeasedJobs } from '@/jobs/job-leases'

import { createApprovedTerm, createStaffUsers, getTestPayload, queueSchedule } from './support/harness'

let payload: Payload
let editor: User
let reviewer: User
let author: User
let category: Category

const MINUTE = 60_000
const LEASE_SECONDS = 60

type StoredJob = {
  id: string | number
  leaseOwner?: string | null
  leaseExpiresAt?: string | null
  processing?: boolean | null
  completedAt?: string | null
}

const approvedTerm = (title: string) => createApprovedTerm(payload, { author, reviewer }, { title, category })

async function storedJob(id: string | number): Promise<StoredJob | null> {
  const { docs } = await payload.db.find({ collection: 'payload-jobs', where: { id: { equals: id } }, limit: 1 })
  return (docs[0] as StoredJob | undefined) ?? null
}

/** Leaves no due job behind, so each test leases only the jobs it queued. */
async function clearQueue(): Promise<void> {
  await payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { exists: true } } })
}

const isLive = async (term: Term) =>
  (await payload.count({ collection: 'terms', where: { id: { equals: term.id } }, overrideAccess: false }))
    .totalDocs === 1

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ editor, reviewer, author } = await createStaffUsers(payload, ['admin', 'editor', 'reviewer', 'author']))
  category = await payload.create({ collection: 'categories', data: { name: 'Compute', slug: 'compute' } })
})

describe('job leases', () => {
  it('leases a due job to one instance at a time, and to another once the lease has run out', async () => {
    await clearQueue()
    const job = await queueSchedule(
      payload,
      await approvedTerm('Leased Once'),
      'publish',
      editor,
      new Date(Date.now() - 1000),
    )

    expect(await leaseDueJobs(payload, 'instance-a', { leaseSeconds: LEASE_SECONDS })).toEqual([job.id])
    expect(await leaseDueJobs(payload, 'instance-b', { leaseSeconds: LEASE_SECONDS })).toEqual([])
    expect(await storedJob(job.id)).toMatchObject({ leaseOwner: 'instance-a' })

    const afterExpiry = new Date(Date.now() + (LEASE_SECONDS + 1) * 1000)
    expect(await leaseDueJobs(payload, 'instance-b', { leaseSeconds: LEASE_SECONDS, now: afterExpiry })).toEqual([
      job.id,
    ])
    expect(await storedJob(job.id)).toMatchObject({ leaseOwner: 'instance-b' })
  })

  it('leases no job before its time', async () => {
    await clearQueue()
    await queueSchedule(payload, await approvedTerm('Not Yet'), 'publish', editor, new Date(Date.now() + 60 * MINUTE))
    expect(await leaseDueJobs(payload, 'instance-a', { leaseSeconds: LEASE_SECONDS })).toEqual([])
  })

  it('runs only the jobs the instance holds', async () => {
    await clearQueue()
    const heldElsewhere = await approvedTerm('Held Elsewhere')
    const mine = await approvedTerm('Mine To Run')
    const otherJob = await queueSchedule(payload, heldElsewhere, 'publish', editor, new Date(Date.now() - 2000))
    expect(await leaseDueJobs(payload, 'other-instance', { leaseSeconds: LEASE_SECONDS, limit: 1 })).toEqual([
      otherJob.id,
    ])
    await queueSchedule(payload, mine, 'publish', editor, new Date(Date.now() - 1000))

    const run = await runLeasedJobs(payload, 'this-instance', LEASE_SECONDS)

    expect(run.leased).toHaveLength(1)
    expect(await isLive(mine)).toBe(true)
    expect(await isLive(heldElsewhere)).toBe(false)
    expect(await storedJob(otherJob.id)).toMatchObject({ leaseOwner: 'other-instance', completedAt: null })
  })

  it('takes over a job left processing by an instance that died, which Payload’s runner alone leaves stuck', async () => {
    await clearQueue()
    const term = await approvedTerm('Orphaned Schedule')
    const job = await queueSchedule(payload, term, 'publish', editor, new Date(Date.now() - 30 * MINUTE))
    // The dead instance leased the job 20 minutes ago and had begun running it.
    const leasedAt = new Date(Date.now() - 20 * MINUTE)
    expect(await leaseDueJobs(payload, 'dead-instance', { leaseSeconds: LEASE_SECONDS, now: leasedAt })).toEqual([
      job.id,
    ])
    await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: true }, returning: false })

    await payload.jobs.run()
    expect(await isLive(term)).toBe(false)

    const run = await runLeasedJobs(payload, 'surviving-instance', LEASE_SECONDS)
    expect(run.leased).toEqual([job.id])
    expect(await isLive(term)).toBe(true)
    expect(await storedJob(job.id)).toBeNull() // Payload deletes a job once it has completed
  })

  it('pushes back the expiry of the leases an instance still holds', async () => {
    await clearQueue()
    const job = await queueSchedule(
      payload,
      await approvedTerm('Long Running'),
      'publish',
      editor,
      new Date(Date.now() - 1000),
    )
    await leaseDueJobs(payload, 'busy-instance', { leaseSeconds: LEASE_SECONDS })
    const first = (await storedJob(job.id))!.leaseExpiresAt!

    await renewLeases(payload, 'busy-instance', LEASE_SECONDS, new Date(Date.now() + 30_000))

    const renewed = (await storedJob(job.id))!.leaseExpiresAt!
    expect(new Date(renewed).getTime() - new Date(first).getTime()).toBeGreaterThanOrEqual(29_000)
    expect(
      await leaseDueJobs(payload, 'other-instance', {
        leaseSeconds: LEASE_SECONDS,
        now: new Date(Date.now() + (LEASE_SECONDS + 1) * 1000),
      }),
    ).toEqual([])
  })
})

describe('the lease length setting', () => {
  it('is 300 s unless CLOUDLEX_JOB_LEASE_SECONDS says otherwise', () => {
    expect(readLeaseSeconds({})).toBe(300)
    expect(readLeaseSeconds({ CLOUDLEX_JOB_LEASE_SECONDS: '15' })).toBe(15)
  })

  it('refuses a value that is not a whole number of seconds, naming the setting', () => {
    for (const bad of ['0', '-5', '1.5', 'ten']) {
      expect(() => readLeaseSeconds({ CLOUDLEX_JOB_LEASE_SECONDS: bad })).toThrow(/CLOUDLEX_JOB_LEASE_SECONDS/)
    }
  })
})
