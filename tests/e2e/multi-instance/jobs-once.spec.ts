// Scheduled jobs with two app instances polling one database: a scheduled release runs once, and a
// release whose instance is killed in the middle of publishing it is taken over by the other instance
// once the lease runs out, then published whole. The job table and the audit log are read from the
// database file itself, as an operator would check them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test'

import { launchAppInstance, publishedTermsAtLeast, waitForInstance, type AppInstance } from '../../support/app-instance'
import { E2E_ADMIN, ensureStaffUser, staffToken } from '../support/staff'

const SEEDED_TERMS = 50
const LEASE_SECONDS = 8
/** Enough documents that publishing them takes a while: the kill lands in the middle. */
const LARGE_RELEASE_TERMS = 40

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-jobs-once-'))
const databaseFile = path.join(workDir, 'shared.db')
const instanceEnv = {
  DATABASE_URI: `file:${databaseFile}`,
  PAYLOAD_SECRET: 'jobs-once-secret-not-for-real-use-000000000',
  CLOUDLEX_ADMIN_EMAIL: E2E_ADMIN.email,
  CLOUDLEX_ADMIN_PASSWORD: E2E_ADMIN.password,
  CLOUDLEX_JOB_LEASE_SECONDS: String(LEASE_SECONDS),
}

let instances: AppInstance[] = []
let api: APIRequestContext
let database: Client
let tokens: Record<'author' | 'reviewer' | 'editor', string>
let categoryId = ''

test.describe.configure({ mode: 'serial' })

const auth = (token: string) => ({ Authorization: `JWT ${token}` })

test.beforeAll(async () => {
  test.setTimeout(420_000)
  const first = await launchAppInstance({ name: 'A', env: instanceEnv })
  instances.push(first)
  await waitForInstance(first, publishedTermsAtLeast(SEEDED_TERMS))
  const second = await launchAppInstance({ name: 'B', env: instanceEnv })
  instances.push(second)
  await waitForInstance(second, publishedTermsAtLeast(SEEDED_TERMS))

  api = await playwrightRequest.newContext({ baseURL: first.baseURL })
  const emails = {
    author: 'jobs-author@test.cloudlex',
    reviewer: 'jobs-reviewer@test.cloudlex',
    editor: 'jobs-editor@test.cloudlex',
  }
  for (const [role, email] of Object.entries(emails)) await ensureStaffUser(api, role, email)
  tokens = {
    author: await staffToken(api, emails.author),
    reviewer: await staffToken(api, emails.reviewer),
    editor: await staffToken(api, emails.editor),
  }
  const categories = (await (await api.get('/api/categories?limit=1')).json()) as { docs: { id: string }[] }
  categoryId = categories.docs[0]!.id
  database = createClient({ url: `file:${databaseFile}` })
})

test.afterAll(async () => {
  await api?.dispose()
  database?.close()
  await Promise.all(instances.map((instance) => instance.stop()))
  fs.rmSync(workDir, { recursive: true, force: true })
})

/** Drafted by the author, submitted, and approved by the reviewer: ready for an editor's release. */
async function approvedTerm(title: string): Promise<string> {
  const created = await api.post('/api/terms?draft=true', {
    headers: auth(tokens.author),
    data: {
      title,
      definition: `${title}, defined for the multi-instance jobs test.`,
      category: categoryId,
      difficulty: 'beginner',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = ((await created.json()) as { doc: { id: string } }).doc
  for (const [stage, token] of [
    ['in_review', tokens.author],
    ['approved', tokens.reviewer],
  ] as const) {
    const moved = await api.patch(`/api/terms/${id}?draft=true`, {
      headers: auth(token),
      data: { workflowStage: stage },
    })
    expect(moved.status(), await moved.text()).toBe(200)
  }
  return id
}

async function scheduleRelease(name: string, termIds: string[], inMs: number): Promise<string> {
  const created = await api.post('/api/releases', {
    headers: auth(tokens.editor),
    data: {
      name,
      publishAt: new Date(Date.now() + inMs).toISOString(),
      items: termIds.map((id) => ({ document: { relationTo: 'terms', value: id } })),
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  return ((await created.json()) as { doc: { id: string } }).doc.id
}

type JobRow = {
  id: string
  processing: number
  lease_owner: string | null
  completed_at: string | null
  has_error: number
}

async function jobsOfRelease(releaseId: string): Promise<JobRow[]> {
  const { rows } = await database.execute({
    sql: `SELECT id, processing, lease_owner, completed_at, has_error FROM payload_jobs WHERE json_extract(input, '$.release') = ?`,
    args: [releaseId],
  })
  return rows as unknown as JobRow[]
}

async function releaseStatus(releaseId: string): Promise<string> {
  const { rows } = await database.execute({ sql: 'SELECT status FROM releases WHERE id = ?', args: [releaseId] })
  return String(rows[0]?.status)
}

async function auditCount(action: string, targetId: string): Promise<number> {
  const { rows } = await database.execute({
    sql: 'SELECT count(*) AS n FROM audit_log WHERE action = ? AND target_id = ?',
    args: [action, targetId],
  })
  return Number(rows[0]!.n)
}

async function publishedCount(termIds: string[]): Promise<number> {
  const { rows } = await database.execute({
    sql: `SELECT count(*) AS n FROM terms WHERE _status = 'published' AND id IN (${termIds.map(() => '?').join(',')})`,
    args: termIds,
  })
  return Number(rows[0]!.n)
}

test('a scheduled release is published once while two instances poll the queue', async () => {
  test.setTimeout(180_000)
  const termIds = [await approvedTerm('Once Released Alpha'), await approvedTerm('Once Released Beta')]
  const releaseId = await scheduleRelease('Released once', termIds, 2_000)

  await expect.poll(() => releaseStatus(releaseId), { timeout: 60_000, intervals: [500] }).toBe('published')
  // Both instances keep polling for a while after: neither may run the job again.
  await new Promise((resolve) => setTimeout(resolve, 12_000))

  expect(await auditCount('release', releaseId)).toBe(1)
  for (const termId of termIds) expect(await auditCount('publish', termId)).toBe(1)
  expect(await jobsOfRelease(releaseId)).toEqual([]) // completed jobs are deleted: nothing pending, nothing failed
  expect(await publishedCount(termIds)).toBe(termIds.length)
})

test('a release whose instance dies while publishing it is taken over once the lease runs out', async () => {
  test.setTimeout(360_000)
  const termIds: string[] = []
  for (let index = 0; index < LARGE_RELEASE_TERMS; index += 1)
    termIds.push(await approvedTerm(`Taken Over Term ${index + 1}`))
  const releaseId = await scheduleRelease('Taken over', termIds, 1_000)

  // Wait for an instance to start the job, then kill that instance.
  let running: JobRow | undefined
  await expect
    .poll(
      async () => {
        running = (await jobsOfRelease(releaseId)).find((job) => job.processing === 1 && job.lease_owner)
        return running !== undefined
      },
      { timeout: 60_000, intervals: [50] },
    )
    .toBe(true)
  const holder = instances.find((instance) => running!.lease_owner!.includes(`/${instance.process.pid}/`))!
  expect(holder, `lease owner ${running!.lease_owner}`).toBeDefined()
  await holder.kill()
  expect(await releaseStatus(releaseId), 'the kill should land before the release committed').not.toBe('published')
  expect(await publishedCount(termIds)).toBe(0) // the release is one transaction: nothing of it survived the kill

  const killedAt = Date.now()
  await expect.poll(() => releaseStatus(releaseId), { timeout: 120_000, intervals: [500] }).toBe('published')
  const takenOverAfterMs = Date.now() - killedAt
  process.stdout.write(
    `jobs: release of ${termIds.length} terms taken over ${(takenOverAfterMs / 1000).toFixed(1)} s after its instance was killed\n`,
  )
  expect(takenOverAfterMs).toBeGreaterThanOrEqual((LEASE_SECONDS - 1) * 1000) // not before the lease ran out

  expect(await publishedCount(termIds)).toBe(termIds.length)
  expect(await auditCount('release', releaseId)).toBe(1)
  await expect.poll(() => jobsOfRelease(releaseId), { timeout: 15_000 }).toEqual([])
  instances = instances.filter((instance) => instance !== holder)
})
