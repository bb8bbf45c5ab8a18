// The production server killed with SIGKILL in the middle of an admin's bulk publish (`PATCH
// /api/terms?where=…` with `_status: published`), at random points, again and again on one database:
// after each kill the file is sound and every term is entirely its draft or its published self, with its
// versions, audit entry and change-feed event agreeing (tests/support/crash-checks.ts); started again,
// the same publish completes. The kill points come from a seed it prints (CLOUDLEX_CRASH_SEED replays).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { expect, test } from '@playwright/test'

import { generatedEntry, writeGeneratedGlossary } from '../../../bench/generated-glossary'
import { launchAppInstance, publishedTermsAtLeast, waitForInstance, type AppInstance } from '../../support/app-instance'
import {
  checkAfterCrash,
  crashSeed,
  describeProblems,
  publishHistory,
  type HistoryRule,
} from '../../support/crash-checks'
import { spawnImportCli } from '../../support/import-cli-process'
import { seededRandom } from '../support/hostile/random'
import { E2E_ADMIN } from '../support/staff'

const SEEDED_TERMS = 50
/** Imported as drafts, then published in bulk: enough that publishing them takes a few seconds. */
const DRAFTS = 240
/** Published first, alone, to time a publish on this machine. */
const CALIBRATION_DRAFTS = 30

const seed = crashSeed()
const random = seededRandom(seed)
const plannedKills = random.int(6, 10)
const entries = Array.from({ length: DRAFTS }, (_, index) => generatedEntry(index, DRAFTS))

// Made when the test starts: Playwright also loads this file in its runner process, which runs no test.
let workDir = ''
let databaseFile = ''
let server: AppInstance | null = null
let starts = 0

test.beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-server-kill-'))
  databaseFile = path.join(workDir, 'killed.db')
})

test.afterAll(async () => {
  await server?.stop()
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
})

async function startServer(): Promise<AppInstance> {
  starts += 1
  const env = {
    DATABASE_URI: `file:${databaseFile}`,
    PAYLOAD_SECRET: 'server-kill-secret-not-for-real-use-0000000',
    CLOUDLEX_ADMIN_EMAIL: E2E_ADMIN.email,
    CLOUDLEX_ADMIN_PASSWORD: E2E_ADMIN.password,
  }
  const started = await launchAppInstance({ name: `server-${starts}`, env })
  await waitForInstance(started, publishedTermsAtLeast(SEEDED_TERMS))
  server = started
  return started
}

async function adminToken(baseURL: string): Promise<string> {
  const login = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  })
  expect(login.status, await login.clone().text()).toBe(200)
  return ((await login.json()) as { token: string }).token
}

type BulkAnswer = { status: number; docs: unknown[]; errors: unknown[] }

/** An admin's bulk publish of the drafts `where` selects (a query string of `where[…]` parameters). */
async function publishInBulk(baseURL: string, token: string, where: string): Promise<BulkAnswer> {
  const response = await fetch(`${baseURL}/api/terms?${where}&limit=0&depth=0`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ _status: 'published' }),
  })
  const body = (await response.json()) as { docs?: unknown[]; errors?: unknown[] }
  return { status: response.status, docs: body.docs ?? [], errors: body.errors ?? [] }
}

const DRAFTS_WHERE = 'where[_status][equals]=draft'

const allPublished: HistoryRule = (history) => [
  ...publishHistory(history),
  ...(history.status === 'published' ? [] : ['still a draft after the completed publish']),
]

test('a bulk publish killed with SIGKILL leaves every term whole, draft or published, and completes after a restart', async () => {
  test.setTimeout(420_000)
  await writeGeneratedGlossary(path.join(workDir, 'entries'), DRAFTS)
  let running = await startServer()
  const imported = spawnImportCli(['--status', 'draft', path.join(workDir, 'entries')], databaseFile)
  expect(await imported.exit, imported.stderr()).toBe(0)

  const calibration = entries.slice(0, CALIBRATION_DRAFTS).map((entry) => entry.slug)
  const calibrationStarted = performance.now()
  const calibrated = await publishInBulk(
    running.baseURL,
    await adminToken(running.baseURL),
    `where[slug][in]=${calibration.join(',')}`,
  )
  expect(calibrated).toMatchObject({ status: 200, errors: [] })
  expect(calibrated.docs).toHaveLength(CALIBRATION_DRAFTS)
  const publishMs = ((performance.now() - calibrationStarted) / CALIBRATION_DRAFTS) * (DRAFTS - CALIBRATION_DRAFTS)

  let documents = 0
  for (let kill = 1; kill <= plannedKills; kill += 1) {
    running = server ?? (await startServer())
    const token = await adminToken(running.baseURL)
    const startedAt = performance.now()
    let answered = false
    const publishing = publishInBulk(running.baseURL, token, DRAFTS_WHERE).then(
      () => (answered = true),
      () => undefined,
    )
    await sleep(publishMs * (0.05 + random.next() * 0.6))
    const killedAfterMs = Math.round(performance.now() - startedAt)
    expect(answered, `the publish was over before kill ${kill} at ${killedAfterMs} ms`).toBe(false)
    await running.kill()
    server = null
    await publishing

    const afterKill = await checkAfterCrash(databaseFile, entries, { childStatus: 'draft', history: publishHistory })
    expect(afterKill.problems, describeProblems(afterKill)).toEqual([])
    // A bulk publish is one transaction: the kill leaves all of it or none.
    expect([CALIBRATION_DRAFTS, DRAFTS]).toContain(afterKill.published)
    documents += afterKill.documents
    console.warn(
      `server kill ${kill}: ${killedAfterMs} ms into a bulk publish of about ${Math.round(publishMs)} ms; ${afterKill.published}/${DRAFTS} published, all whole`,
    )
  }

  running = await startServer()
  const completed = await publishInBulk(running.baseURL, await adminToken(running.baseURL), DRAFTS_WHERE)
  expect(completed).toMatchObject({ status: 200, errors: [] })
  await running.stop()
  server = null
  const final = await checkAfterCrash(databaseFile, entries, {
    childStatus: 'draft',
    history: allPublished,
    complete: true,
  })
  expect(final.problems, describeProblems(final)).toEqual([])
  expect(final.termRows).toBe(SEEDED_TERMS + DRAFTS)
  documents += final.documents
  console.warn(
    `kills survived: server ${plannedKills}/${plannedKills}, integrity ok, documents checked ${documents} (CLOUDLEX_CRASH_SEED=${seed})`,
  )
})
