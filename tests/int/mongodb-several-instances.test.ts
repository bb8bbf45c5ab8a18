// Several app instances on one MongoDB, the database for several machines: each due job is leased to one
// instance, a sign-in on one instance is a session on every instance, and a change made on one instance
// reaches the others through the content-changes log. Two Payload instances in this process stand for
// two app instances: each has its own connection, so their transactions are as independent as those of
// two machines. Runs when MONGODB_TEST_URI points at a replica set.
import { createLocalReq, getPayload, logoutOperation, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PUBLISH_RELEASE_TASK } from '@/workflow/queue-scheduled-release'
import { readChangesSince } from '@/site-cache/change-log'
import { leaseDueJobs } from '@/jobs/job-leases'

import { dropDatabase, MONGODB_TEST_URI, reportSkippedWithoutMongo, withOwnDatabase } from './support/mongodb'

reportSkippedWithoutMongo()

const JOBS = 24
const LEASE_SECONDS = 300
/** Plenty: each round leases at least the jobs of the first transaction to write. */
const MAX_LEASE_ROUNDS = 50

type LeaseOutcome = { owner: string; ids: (string | number)[] }

/** MongoDB aborts the second of two transactions that write the same document; the driver labels it. */
function isTransactionConflict(error: unknown): boolean {
  const mongoError = error as { code?: number; hasErrorLabel?: (label: string) => boolean }
  return mongoError?.code === 112 || mongoError?.hasErrorLabel?.('TransientTransactionError') === true
}

describe.skipIf(!MONGODB_TEST_URI)('several app instances on one MongoDB', () => {
  let first: Payload
  let second: Payload

  beforeAll(async () => {
    // The config picks its database adapter from DATABASE_URI when it is first imported, hence the late
    // imports of it and of the helpers that import it.
    process.env.DATABASE_URI = withOwnDatabase(MONGODB_TEST_URI!)
    const { default: config } = await import('@payload-config')
    first = await getPayload({ config, key: `${process.env.DATABASE_URI}#first` })
    second = await getPayload({ config, key: `${process.env.DATABASE_URI}#second` })
  })

  afterAll(async () => {
    await dropDatabase(first)
    await second?.destroy()
    await first?.destroy()
  })

  async function queueDueJobs(count: number): Promise<(string | number)[]> {
    await first.db.deleteMany({ collection: 'payload-jobs', where: { id: { exists: true } } })
    const ids: (string | number)[] = []
    for (let index = 0; index < count; index += 1) {
      const job = await first.jobs.queue({
        task: PUBLISH_RELEASE_TASK,
        input: { release: `race-${index}` },
        waitUntil: new Date(Date.now() - 1000),
      })
      ids.push(job.id)
    }
    return ids
  }

  async function leaseOwnersOf(ids: (string | number)[]): Promise<Map<string, string | null>> {
    const { docs } = await first.db.find({
      collection: 'payload-jobs',
      where: { id: { in: ids } },
      pagination: false,
      limit: 0,
    })
    return new Map(docs.map((job) => [String(job.id), (job as { leaseOwner?: string | null }).leaseOwner ?? null]))
  }

  it(
    'leases each due job to exactly one of several owners leasing at the same moment',
    { timeout: 120_000 },
    async () => {
      const jobIds = await queueDueJobs(JOBS)
      const owners = [
        { owner: 'first-a', payload: first },
        { owner: 'first-b', payload: first },
        { owner: 'second-a', payload: second },
        { owner: 'second-b', payload: second },
      ]
      const outcomes: LeaseOutcome[] = []
      const otherFailures: unknown[] = []
      let conflicts = 0
      for (
        let round = 0;
        round < MAX_LEASE_ROUNDS && outcomes.flatMap((outcome) => outcome.ids).length < JOBS;
        round += 1
      ) {
        const settled = await Promise.allSettled(
          owners.map(({ owner, payload }) => leaseDueJobs(payload, owner, { leaseSeconds: LEASE_SECONDS, limit: 3 })),
        )
        settled.forEach((result, index) => {
          if (result.status === 'fulfilled') outcomes.push({ owner: owners[index]!.owner, ids: result.value })
          // leaseDueJobs rolls its transaction back and rethrows when MongoDB aborted it for writing a job
          // another owner's transaction wrote first: that owner leased nothing this round.
          else if (isTransactionConflict(result.reason)) conflicts += 1
          else otherFailures.push(result.reason)
        })
      }

      expect(otherFailures).toEqual([])
      const leased = outcomes.flatMap((outcome) => outcome.ids.map(String))
      process.stdout.write(
        `lease race on MongoDB: ${leased.length} leases of ${JOBS} jobs, ${conflicts} transactions aborted by a conflict\n`,
      )
      expect(new Set(leased).size).toBe(leased.length) // no job leased twice
      expect(leased.sort()).toEqual(jobIds.map(String).sort()) // and none left behind
      const stored = await leaseOwnersOf(jobIds)
      for (const { owner, ids } of outcomes)
        for (const id of ids) expect(stored.get(String(id)), String(id)).toBe(owner)
      const ownersThatLeased = new Set(
        outcomes.filter((outcome) => outcome.ids.length > 0).map((outcome) => outcome.owner),
      )
      expect(ownersThatLeased.size + conflicts).toBeGreaterThan(1) // the owners did race
    },
  )

  it('keeps a live lease from another instance, and takes over a lease that has run out', async () => {
    const [jobId] = await queueDueJobs(1)
    expect(await leaseDueJobs(first, 'dead-instance', { leaseSeconds: 60 })).toEqual([jobId])
    expect(await leaseDueJobs(second, 'surviving-instance', { leaseSeconds: 60 })).toEqual([])

    const afterExpiry = new Date(Date.now() + 61_000)
    expect(await leaseDueJobs(second, 'surviving-instance', { leaseSeconds: 60, now: afterExpiry })).toEqual([jobId])
    expect((await leaseOwnersOf([jobId!])).get(String(jobId))).toBe('surviving-instance')
  })

  it('accepts a sign-in made on one instance on the other, until it is signed out', async () => {
    const { createStaffUser, STAFF_PASSWORD } = await import('./support/harness')
    const editor = await createStaffUser(first, 'editor')
    const { token } = await first.login({
      collection: 'users',
      data: { email: editor.email, password: STAFF_PASSWORD },
    })
    const headers = new Headers({ Authorization: `JWT ${token}` })

    const onSecond = await second.auth({ headers })
    expect(onSecond.user && 'email' in onSecond.user ? onSecond.user.email : null).toBe(editor.email)

    // Sessions live in the user's document, so signing out on one instance ends the session everywhere.
    const req = await createLocalReq({ user: onSecond.user! }, first)
    await logoutOperation({ collection: first.collections.users, req })
    expect((await second.auth({ headers })).user).toBeNull()
  })

  it('hands a change made on one instance to the other’s change-log reader, even one committed late', async () => {
    const { seedProvidersForTest } = await import('./support/harness')
    await seedProvidersForTest(first)
    const aws = (await first.find({ collection: 'providers', where: { slug: { equals: 'aws' } } })).docs[0]!
    const start = await readChangesSince(second, null)

    // A change whose transaction is still open when the reader passes its creation time: its row is
    // invisible until the commit, then read thanks to the overlap window.
    const transactionID = await first.db.beginTransaction()
    if (!transactionID) throw new Error('MongoDB gave no transaction: is MONGODB_TEST_URI a replica set?')
    const category = await first.create({
      collection: 'categories',
      data: { name: 'Networking', slug: 'networking' },
      req: { transactionID },
    })
    await first.update({ collection: 'providers', id: aws.id, data: { fullName: 'Amazon Web Services (AWS)' } })

    const beforeCommit = await readChangesSince(second, start.cursor)
    if (beforeCommit.kind !== 'changes') throw new Error(`expected changes, got ${beforeCommit.kind}`)
    expect(beforeCommit.tags).toEqual(expect.arrayContaining([`provider:${aws.id}`, 'providers']))
    expect(beforeCommit.tags).not.toContain('categories')

    await first.db.commitTransaction(transactionID)
    const afterCommit = await readChangesSince(second, beforeCommit.cursor)
    if (afterCommit.kind !== 'changes') throw new Error(`expected changes, got ${afterCommit.kind}`)
    expect(afterCommit.tags).toEqual(expect.arrayContaining(['categories', `category:${category.id}`]))
    expect(afterCommit.tags).not.toContain('providers') // each row is handed over once

    const again = await readChangesSince(second, afterCommit.cursor)
    expect(again).toMatchObject({ kind: 'changes', rows: 0, tags: [] })
  })
})
