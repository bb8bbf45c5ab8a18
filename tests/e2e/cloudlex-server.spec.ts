// The Cloudlex server (src/server/server.ts) from the suite's production build, started here on a port
// and database of its own with strict limits, so nothing it does disturbs the shared server: what only
// code that sees the socket can do (the client's real address, body limits), the operator's admin, and
// a graceful stop.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test'

const ADMIN = { email: 'server-admin@test.cloudlex', password: 'server-admin-password-42' }
const repoRoot = path.resolve(import.meta.dirname, '../..')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-server-'))

type RunningServer = { process: ChildProcess; baseURL: string; output: () => string; exited: Promise<number | null> }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/server.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-deprecation',
        NEXT_TELEMETRY_DISABLED: '1',
        PAYLOAD_SECRET: 'server-test-secret-not-for-real-use-0000000',
        DATABASE_URI: `file:${path.join(workDir, `${port}.db`)}`,
        CLOUDLEX_JOBS: 'off',
        SERVER_URL: `http://127.0.0.1:${port}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const keep = (chunk: Buffer) => (output += chunk.toString())
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { process: child, baseURL: `http://127.0.0.1:${port}`, output: () => output, exited }
}

const SEEDED_TERMS = fs.readdirSync(path.join(repoRoot, 'seed/terms')).filter((name) => name.endsWith('.txt')).length

/** Every seeded term published, and the search directory (the 404 page's suggestions) caught up with them. */
async function seedingDone(baseURL: string): Promise<boolean> {
  const terms = await fetch(`${baseURL}/api/terms?limit=1&depth=0`).catch(() => undefined)
  if (!terms?.ok || ((await terms.json()) as { totalDocs: number }).totalDocs < SEEDED_TERMS) return false
  const suggest = await fetch(`${baseURL}/search/suggest?q=kubernetes`).catch(() => undefined)
  if (!suggest?.ok) return false
  const { suggestions } = (await suggest.json()) as { suggestions: { slug: string }[] }
  return suggestions.some((suggestion) => suggestion.slug === 'kubernetes')
}

async function waitForSeededTerms(server: RunningServer): Promise<void> {
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`)
    if (await seedingDone(server.baseURL)) return
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
  throw new Error(`the server never served the seeded terms:\n${server.output()}`)
}

let server: RunningServer
let api: APIRequestContext

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(300_000)
  server = await startServer({
    CLOUDLEX_ADMIN_EMAIL: ADMIN.email,
    CLOUDLEX_ADMIN_PASSWORD: ADMIN.password,
    CLOUDLEX_RATE_LIMIT_LOGIN_ACCOUNT: '3/60',
    CLOUDLEX_RATE_LIMIT_NOT_FOUND: '1/60',
  })
  await waitForSeededTerms(server)
  api = await playwrightRequest.newContext({ baseURL: server.baseURL })
})

test.afterAll(async () => {
  await api?.dispose()
  if (server?.process.exitCode === null) server.process.kill('SIGKILL')
  fs.rmSync(workDir, { recursive: true, force: true })
})

async function adminToken(): Promise<string> {
  const login = await api.post('/api/users/login', { data: ADMIN })
  expect(login.status()).toBe(200)
  return ((await login.json()) as { token: string }).token
}

test('creates the operator’s admin from the environment and never prints the password', async () => {
  await adminToken()
  expect(server.output()).toContain(ADMIN.email)
  expect(server.output()).not.toContain(ADMIN.password)
})

test('records the socket’s address in the audit log, whatever address headers the client sends', async () => {
  const email = 'spoofer@test.cloudlex'
  const refused = await api.post('/api/users/login', {
    data: { email, password: 'guess' },
    headers: {
      'X-Forwarded-For': '203.0.113.50',
      'X-Real-IP': '203.0.113.51',
      'X-Cloudlex-Client-Address': '203.0.113.52',
    },
  })
  expect(refused.status()).toBe(401)
  const entries = await api.get(`/api/audit-log?where[targetTitle][equals]=${email}&depth=0`, {
    headers: { Authorization: `JWT ${await adminToken()}` },
  })
  const { docs } = (await entries.json()) as { docs: { action: string; ip: string }[] }
  expect(docs).toEqual([expect.objectContaining({ action: 'failed-login', ip: '127.0.0.1' })])
})

test('keeps counting failed sign-ins when each attempt claims another X-Forwarded-For', async () => {
  const attempt = (hop: number) =>
    api.post('/api/users/login', {
      data: { email: ADMIN.email, password: 'not-it' },
      headers: { 'X-Forwarded-For': `192.0.2.${hop}`, 'X-Cloudlex-Client-Address': `192.0.2.${hop}` },
    })
  for (let hop = 1; hop <= 3; hop += 1) expect((await attempt(hop)).status()).toBe(401)
  const refused = await attempt(4)
  expect(refused.status()).toBe(429)
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0)
  expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
    /^Too many failed sign-ins to this account/,
  )
})

test('answers a 2 MiB JSON body with 413 at once, without reading it', async () => {
  const started = Date.now()
  const response = await fetch(`${server.baseURL}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(2 * 1024 * 1024) }),
  })
  expect(response.status).toBe(413)
  expect(await response.json()).toEqual({
    errors: [{ message: 'The request body (2 MiB) is over the limit: API requests may be at most 1 MiB.' }],
  })
  expect(Date.now() - started).toBeLessThan(2_000)
})

test('reads the refusal to a client that keeps sending a refused body, then cuts it off', async () => {
  const started = Date.now()
  const outcome = await new Promise<{ status: number | null; sentMiB: number }>((resolve) => {
    const upload = http.request(`${server.baseURL}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(512 * 1024 * 1024) },
    })
    const chunk = Buffer.alloc(1024 * 1024, 'x')
    let status: number | null = null
    let sentMiB = 0
    const pump = () => {
      while (sentMiB < 512 && upload.write(chunk)) sentMiB += 1
    }
    upload.on('response', (response) => {
      status = response.statusCode ?? null
      response.resume()
    })
    upload.on('drain', pump)
    upload.on('error', () => resolve({ status, sentMiB }))
    upload.on('close', () => resolve({ status, sentMiB }))
    pump()
  })
  expect(outcome.status).toBe(413)
  expect(outcome.sentMiB).toBeLessThan(512)
  expect(Date.now() - started).toBeLessThan(10_000)
})

test('answers an address far over the header limit with 431, read by the client rather than a reset', async () => {
  const longQuery = encodeURIComponent('é'.repeat(1_400_000)) // about 8 MB of address
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const response = await fetch(`${server.baseURL}/api/terms?where[title][equals]=${longQuery}`)
    expect(response.status).toBe(431)
  }
  // The server still answers normally afterwards.
  expect((await fetch(`${server.baseURL}/api/providers?limit=1`)).status).toBe(200)
})

test('keeps a missing page a 404 over the limit, only without the suggestions', async () => {
  const first = await api.get('/search/missing-page?path=/kubernets')
  expect((await first.json()).suggestions[0]).toMatchObject({ title: 'Kubernetes' })
  const overLimit = await api.get('/search/missing-page?path=/kubernets')
  expect(await overLimit.json()).toEqual({ words: 'kubernets', suggestions: [] })
  const page = await api.get('/kubernets')
  expect(page.status()).toBe(404)
  expect(await page.text()).toContain('Page not found')
})

test('finishes a request in flight on SIGTERM, then exits cleanly', async () => {
  const inFlight = fetch(`${server.baseURL}/api/terms?limit=100&depth=1`)
  await new Promise((resolve) => setTimeout(resolve, 50))
  server.process.kill('SIGTERM')
  expect((await inFlight).status).toBe(200)
  expect(await server.exited).toBe(0)
  await expect(fetch(`${server.baseURL}/api/users/init`)).rejects.toThrow()
})

test('tells the operator how to create the first admin instead of offering a sign-up form', async ({ browser }) => {
  test.setTimeout(240_000)
  const empty = await startServer({ CLOUDLEX_SEED: 'off' })
  try {
    const page = await browser.newPage({ baseURL: empty.baseURL })
    const deadline = Date.now() + 180_000
    while (
      Date.now() < deadline &&
      !(await fetch(`${empty.baseURL}/api/users/init`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
    await page.goto('/admin')
    await expect(page).toHaveURL(/\/admin\/create-first-user/)
    await expect(page.getByRole('heading', { name: 'No admin account yet' })).toBeVisible()
    await expect(page.getByText('CLOUDLEX_ADMIN_EMAIL')).toBeVisible()
    await expect(page.getByText('npm run create-admin -- --email you@example.com')).toBeVisible()
    await expect(page.getByLabel('New Password')).toHaveCount(0)
    await page.close()
  } finally {
    empty.process.kill('SIGTERM')
    await empty.exited
  }
})

test('refuses to start with an admin password under 12 characters, without printing it', async () => {
  const refused = await startServer({ CLOUDLEX_ADMIN_EMAIL: ADMIN.email, CLOUDLEX_ADMIN_PASSWORD: 'short-pw' })
  expect(await refused.exited).toBe(1)
  expect(refused.output()).toContain(
    'Cloudlex did not start: CLOUDLEX_ADMIN_EMAIL / CLOUDLEX_ADMIN_PASSWORD: the password is shorter than 12 characters.',
  )
  expect(refused.output()).not.toContain('short-pw')
})
