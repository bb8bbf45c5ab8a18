// The production server stopped with SIGTERM in the middle of a stream of reads and writes (pages, the
// v1 API and REST; an admin’s bulk publish and single publishes, an editor’s new terms and their edits)
// while a job runs (a webhook delivery to a receiver that takes its time to answer). Every request the
// server had taken gets a whole answer that is not a 5xx, the server exits 0 after closing its database,
// every term on file is wholly as one of its writes left it (tests/support/crash-checks.ts), and the
// delivery either finished before the exit or is run again after a restart.
import fs from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { createClient } from '@libsql/client'
import { expect, test } from '@playwright/test'

import { generatedEntry, writeGeneratedGlossary } from '../../../bench/generated-glossary'
import { launchAppInstance, publishedTermsAtLeast, waitForInstance, type AppInstance } from '../../support/app-instance'
import { checkAfterCrash, describeProblems, publishHistory } from '../../support/crash-checks'
import { spawnImportCli } from '../../support/import-cli-process'
import {
  failedAcrossStop,
  inFlightAtStop,
  sendOnItsOwnConnection,
  streamRequests,
  type RequestOutcome,
  type StreamRequest,
} from '../support/requests-across-a-stop'
import { E2E_ADMIN, STAFF_PASSWORD } from '../support/staff'

const PORTS = { first: 3421, restarted: 3422 }
const SEEDED_TERMS = 50
/** Imported as drafts: the first triggers the delivery, then a bulk publish and single publishes. */
const DRAFTS = 100
const BULK = { from: 1, to: 61 }
const SINGLE = { from: 61, to: DRAFTS }
const READERS = 6
const EDITORS = 2
/** How long the receiver keeps the delivery waiting: the stop must wait for it. */
const DELIVERY_HOLD_MS = 10_000
/** SIGTERM this long after the stream started, with the bulk publish running. */
const STREAM_BEFORE_STOP_MS = 800
const EDITOR = { email: 'graceful-stop-editor@test.cloudlex', password: STAFF_PASSWORD }

const entries = Array.from({ length: DRAFTS }, (_, index) => generatedEntry(index, DRAFTS))

let workDir = ''
let databaseFile = ''
const running: AppInstance[] = []

test.beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-graceful-stop-'))
  databaseFile = path.join(workDir, 'stopped.db')
})

test.afterAll(async () => {
  await Promise.all(running.map((instance) => instance.kill()))
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
})

async function startServer(name: string, port: number): Promise<AppInstance> {
  const instance = await launchAppInstance({
    name,
    port,
    env: {
      DATABASE_URI: `file:${databaseFile}`,
      PAYLOAD_SECRET: 'graceful-stop-secret-not-for-real-use-0000',
      CLOUDLEX_ADMIN_EMAIL: E2E_ADMIN.email,
      CLOUDLEX_ADMIN_PASSWORD: E2E_ADMIN.password,
      CLOUDLEX_WEBHOOKS_ALLOW_PRIVATE: '1',
      // A job cut off by a stop is run again once its lease has run out: soon, in this test.
      CLOUDLEX_JOB_LEASE_SECONDS: '5',
      CLOUDLEX_RATE_LIMIT_CONTENT_API: '100000/60',
      CLOUDLEX_WEBHOOKS_TIMEOUT_MS: '30000',
    },
  })
  running.push(instance)
  await waitForInstance(instance, publishedTermsAtLeast(SEEDED_TERMS))
  return instance
}

/** A webhook receiver that keeps the first delivery waiting, and answers the rest (and that one again) at once. */
type SlowReceiver = {
  url: string
  server: Server
  received: { webhookId: string; answeredAt: number | null }[]
  firstHeld: Promise<void>
}

async function startSlowReceiver(): Promise<SlowReceiver> {
  const received: SlowReceiver['received'] = []
  let holding: () => void = () => undefined
  const firstHeld = new Promise<void>((resolve) => (holding = resolve))
  const server = createServer((request, response) => {
    const delivery = { webhookId: String(request.headers['webhook-id']), answeredAt: null as number | null }
    const first = received.length === 0
    received.push(delivery)
    request.resume()
    request.on('end', () => {
      if (first) holding()
      setTimeout(
        () => {
          response.writeHead(204).end()
          delivery.answeredAt = performance.now()
        },
        first ? DELIVERY_HOLD_MS : 0,
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, server, received, firstHeld }
}

async function call(baseURL: string, request: StreamRequest, expected: number): Promise<Record<string, unknown>> {
  const outcome = await sendOnItsOwnConnection(baseURL, request)
  expect(outcome.status, `${request.method} ${request.path}: ${outcome.body}`).toBe(expected)
  return JSON.parse(outcome.body) as Record<string, unknown>
}

const jwt = (token: string) => ({ Authorization: `JWT ${token}` })

async function signIn(baseURL: string, account: { email: string; password: string }): Promise<string> {
  return (await call(baseURL, { kind: 'write', method: 'POST', path: '/api/users/login', body: account }, 200))
    .token as string
}

type Setup = { admin: string; editor: string; categoryId: string; readPaths: string[]; draftIds: Map<string, string> }

async function prepare(baseURL: string, receiverURL: string): Promise<Setup> {
  const admin = await signIn(baseURL, E2E_ADMIN)
  const asAdmin = { headers: jwt(admin) }
  await call(
    baseURL,
    {
      kind: 'write',
      method: 'POST',
      path: '/api/users',
      ...asAdmin,
      body: { ...EDITOR, role: 'editor', name: 'Stop Editor' },
    },
    201,
  )
  await call(
    baseURL,
    {
      kind: 'write',
      method: 'POST',
      path: '/api/webhook-endpoints',
      ...asAdmin,
      body: { url: receiverURL, enabled: true },
    },
    201,
  )
  const categories = await call(baseURL, { kind: 'read', method: 'GET', path: '/api/categories?limit=1&depth=0' }, 200)
  const published = await call(baseURL, { kind: 'read', method: 'GET', path: '/api/terms?limit=5&depth=0' }, 200)
  const slugs = (published.docs as { slug: string; id: string }[]).map(({ slug }) => slug)
  const drafts = await call(
    baseURL,
    {
      kind: 'read',
      method: 'GET',
      path: '/api/terms?where[_status][equals]=draft&draft=true&limit=0&depth=0',
      ...asAdmin,
    },
    200,
  )
  const draftIds = new Map((drafts.docs as { slug: string; id: string }[]).map(({ slug, id }) => [slug, id]))
  expect(draftIds.size).toBe(DRAFTS)
  return {
    admin,
    editor: await signIn(baseURL, EDITOR),
    categoryId: (categories.docs as { id: string }[])[0]!.id,
    readPaths: [
      '/',
      ...slugs.map((slug) => `/terms/${slug}`),
      ...slugs.map((slug) => `/api/v1/terms/${slug}`),
      '/api/terms?limit=20&depth=1',
      '/api/v1/search?q=cloud',
      '/api/v1/categories',
    ],
    draftIds,
  }
}

/** What the editors’ writes left to check: each new term by title, with the definitions it may have. */
type EditorTerm = {
  title: string
  created: boolean
  id: string | null
  definitions: string[]
  acknowledged: string | null
}

function editorRequests(setup: Setup, editorTerms: EditorTerm[]) {
  let created = 0
  return (worker: number, previous: RequestOutcome | null): StreamRequest => {
    const mine = editorTerms.filter((term) => term.title.endsWith(` w${worker}`))
    const last = mine.at(-1)
    if (previous && last) {
      if (previous.request.method === 'POST' && previous.status === 201) {
        last.created = true
        last.id = (JSON.parse(previous.body) as { doc: { id: string } }).doc.id
        last.acknowledged = last.definitions[0]!
      } else if (previous.request.method === 'PATCH' && previous.status === 200)
        last.acknowledged = last.definitions[1]!
    }
    if (last?.id && last.definitions.length === 1) {
      last.definitions.push(`${last.title}, edited while the server stopped.`)
      return {
        kind: 'write',
        method: 'PATCH',
        path: `/api/terms/${last.id}?draft=true`,
        headers: jwt(setup.editor),
        body: { definition: last.definitions[1] },
      }
    }
    created += 1
    const title = `Stop Stream Term ${created} w${worker}`
    editorTerms.push({
      title,
      created: false,
      id: null,
      definitions: [`${title}, written while the server stopped.`],
      acknowledged: null,
    })
    const body = {
      title,
      definition: editorTerms.at(-1)!.definitions[0],
      category: setup.categoryId,
      difficulty: 'beginner',
    }
    return { kind: 'write', method: 'POST', path: '/api/terms?draft=true', headers: jwt(setup.editor), body }
  }
}

/** New terms by the editors: each is absent (never taken) or whole, with a definition it was given. */
async function editorTermProblems(editorTerms: EditorTerm[]): Promise<string[]> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const problems: string[] = []
    for (const term of editorTerms) {
      const rows = (
        await client.execute({
          sql: `SELECT t.definition, v.version_definition FROM terms t LEFT JOIN _terms_v v ON v.parent_id = t.id AND v.latest = 1 WHERE t.title = ?`,
          args: [term.title],
        })
      ).rows
      if (rows.length === 0) {
        if (term.created) problems.push(`${term.title}: created (201) but not on file`)
        continue
      }
      // A draft’s edits live in its latest version; the term row keeps what it was created with.
      const [row] = rows
      if (rows.length > 1 || row!.version_definition === null)
        problems.push(`${term.title}: not exactly one latest version`)
      const edited = term.acknowledged === term.definitions[1] ? [term.definitions[1]] : term.definitions
      if (!edited.includes(String(row!.version_definition)))
        problems.push(`${term.title}: latest version says ${JSON.stringify(row!.version_definition)}`)
      if (row!.definition !== term.definitions[0])
        problems.push(`${term.title}: term row says ${JSON.stringify(row!.definition)}`)
    }
    return problems
  } finally {
    client.close()
  }
}

/** What the server said while it stopped. */
const stopLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('SIGTERM'))
    .join('\n')

async function deliveryStatus(webhookId: string): Promise<string | null> {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const { rows } = await client.execute({
      sql: 'SELECT status FROM webhook_deliveries WHERE webhook_id = ?',
      args: [webhookId],
    })
    return rows[0] ? String(rows[0].status) : null
  } finally {
    client.close()
  }
}

test('a server stopped with SIGTERM answers every request it took, finishes its job, closes its database and exits 0', async () => {
  test.setTimeout(420_000)
  await writeGeneratedGlossary(path.join(workDir, 'entries'), DRAFTS)
  const receiver = await startSlowReceiver()
  const server = await startServer('before-stop', PORTS.first)
  const imported = spawnImportCli(['--status', 'draft', path.join(workDir, 'entries')], databaseFile)
  expect(await imported.exit, imported.stderr()).toBe(0)
  const setup = await prepare(server.baseURL, receiver.url)
  const publish = (slug: string): StreamRequest => ({
    kind: 'write',
    method: 'PATCH',
    path: `/api/terms/${setup.draftIds.get(slug)}`,
    headers: jwt(setup.admin),
    body: { _status: 'published' },
  })

  await call(server.baseURL, publish(entries[0]!.slug), 200)
  await Promise.race([receiver.firstHeld, sleep(90_000)])
  const heldDelivery = receiver.received[0]
  if (!heldDelivery) throw new Error(`no webhook delivery within 90 s:\n${server.output()}`)

  const editorTerms: EditorTerm[] = []
  const nextEditorRequest = editorRequests(setup, editorTerms)
  const singles = entries.slice(SINGLE.from, SINGLE.to).map((entry) => publish(entry.slug))
  const singlePublishes = new Set(singles)
  const nextRequest = (worker: number, previous: RequestOutcome | null): StreamRequest => {
    if (worker < READERS)
      return { kind: 'read', method: 'GET', path: setup.readPaths[Math.floor(Math.random() * setup.readPaths.length)]! }
    if (worker < READERS + EDITORS) return nextEditorRequest(worker, previous)
    return singles.shift() ?? { kind: 'read', method: 'GET', path: '/api/terms?limit=1' }
  }
  let exited = false
  const bulkSlugs = entries.slice(BULK.from, BULK.to).map((entry) => entry.slug)
  const bulk = sendOnItsOwnConnection(server.baseURL, {
    kind: 'write',
    method: 'PATCH',
    path: `/api/terms?where[slug][in]=${bulkSlugs.join(',')}&limit=0&depth=0`,
    headers: jwt(setup.admin),
    body: { _status: 'published' },
  })
  const stream = streamRequests(server.baseURL, READERS + EDITORS + 1, nextRequest, () => !exited)
  await sleep(STREAM_BEFORE_STOP_MS)
  const stopSentAt = performance.now()
  server.process.kill('SIGTERM')
  const exitCode = await server.exited
  exited = true
  const outcomes = [...(await stream), await bulk]

  const failed = outcomes.filter((outcome) => failedAcrossStop(outcome, stopSentAt))
  const inFlight = inFlightAtStop(outcomes, stopSentAt)
  const count = (fate: string) => outcomes.filter((outcome) => outcome.fate === fate).length
  const afterStop = await checkAfterCrash(databaseFile, entries, { childStatus: 'draft', history: publishHistory })
  const editorProblems = await editorTermProblems(editorTerms)
  const bulkAnswer = outcomes.at(-1)!
  const publishedSingles = outcomes.filter((outcome) => singlePublishes.has(outcome.request) && outcome.status === 200)
  const job = (await deliveryStatus(heldDelivery.webhookId)) === 'delivered' ? 'finished' : 'retried'

  console.warn(stopLines(server.output()))
  console.warn(
    `graceful stop: requests in flight ${inFlight.length}, failed ${failed.length}, half-written ${afterStop.problems.length + editorProblems.length}, job: ${job}` +
      ` (answered ${count('answered')}, refused ${count('refused')}, dropped before read ${count('dropped')}; exit ${String(exitCode)};` +
      ` delivery answered ${Math.round((heldDelivery.answeredAt ?? Number.NaN) - stopSentAt)} ms after the signal)`,
  )
  const describe = (outcome: RequestOutcome) =>
    `${outcome.request.method} ${outcome.request.path}: ${outcome.fate} ${outcome.status ?? outcome.error}, sent ${Math.round((outcome.sentAt ?? 0) - stopSentAt)} ms and ended ${Math.round(outcome.endedAt - stopSentAt)} ms after the signal`
  expect(failed.map(describe)).toEqual([])
  expect(afterStop.problems, describeProblems(afterStop)).toEqual([])
  expect(editorProblems).toEqual([])
  expect(inFlight).toContain(bulkAnswer)
  expect(bulkAnswer.status).toBe(200)
  // Published: the trigger, the whole bulk and the singles answered 200 (a dropped single was never taken).
  expect(afterStop.published).toBe(1 + bulkSlugs.length + publishedSingles.length)
  expect(exitCode).toBe(0)
  // The delivery was still running when the signal came, and the stop let it finish.
  expect(heldDelivery.answeredAt).toBeGreaterThan(stopSentAt)
  expect(server.output()).toMatch(/SIGTERM: database closed \(sqlite\)\./)

  const restarted = await startServer('after-stop', PORTS.restarted)
  await expect.poll(() => deliveryStatus(heldDelivery.webhookId), { timeout: 60_000 }).toBe('delivered')
  await restarted.stop()
  expect(await restarted.exited).toBe(0)
  const afterRestart = await checkAfterCrash(databaseFile, entries, { childStatus: 'draft', history: publishHistory })
  expect(afterRestart.problems, describeProblems(afterRestart)).toEqual([])
  // The delivery took less than the grace: the stop waited for it rather than leaving it to a retry.
  expect(job).toBe('finished')
  await new Promise<void>((resolve) => receiver.server.close(() => resolve()))
})
