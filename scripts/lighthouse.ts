// `npm run lighthouse`: measures the production build with Lighthouse (mobile profile, simulated
// throttling) in the system Chromium and fails when a page is under its bars (scripts/lighthouse-report.ts).
//
//   npm run lighthouse                      build, start on a fresh seeded database, measure, stop
//   npm run lighthouse -- --url <base>      measure a server that is already running; builds nothing
//   npm run lighthouse -- --page /terms/iam measure other pages instead of the default four
//   npm run lighthouse -- --runs 5          measure each page 5 times (default 3) and report the median run
//   npm run lighthouse -- --save <dir>      also write each page's full Lighthouse result as JSON
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { launch, type LaunchedChrome } from 'chrome-launcher'
import lighthouse from 'lighthouse'

import {
  formatFailures,
  formatScoreTable,
  LIGHTHOUSE_CATEGORIES,
  measurePage,
  medianRun,
  pagePasses,
  type PageMeasurement,
} from './lighthouse-report'
import { CHROMIUM_FLAGS, systemChromiumPath } from './system-chromium'

const root = path.resolve(import.meta.dirname, '..')
const DEFAULT_PAGES = ['/', '/terms/cloudtrail', '/terms', '/compare']
const SERVER_READY_TIMEOUT_MS = 240_000

const say = (message: string) => process.stderr.write(`${message}\n`)

/** Things to undo on the way out, newest first, whether the run passes, fails or is interrupted. */
const cleanups: (() => Promise<void> | void)[] = []
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!()
    } catch (error) {
      say(`cleanup: ${(error as Error).message}`)
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130))
  })
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    )
  })
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Stops the server and everything it started (it runs in its own process group). */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  process.kill(-child.pid, 'SIGTERM')
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref())
  if ((await Promise.race([exited, timer])) === 'timeout') {
    process.kill(-child.pid, 'SIGKILL')
    await exited
  }
}

async function seededTermCount(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/terms?limit=1&depth=0`)
  if (!response.ok) return 0
  const { docs } = (await response.json()) as { docs?: unknown[] }
  return docs?.length ?? 0
}

async function waitForSeededServer(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}:\n${log()}`)
    try {
      if ((await seededTermCount(baseUrl)) > 0) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
  throw new Error(`the server at ${baseUrl} had no terms after ${SERVER_READY_TIMEOUT_MS / 1000} s:\n${log()}`)
}

/** Builds the app and starts the Cloudlex server on a free loopback port with a new, empty SQLite database. */
async function startProductionServer(): Promise<string> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-lighthouse-'))
  cleanups.push(() => fs.rmSync(scratch, { recursive: true, force: true }))
  const port = await freeLoopbackPort()
  const baseUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || crypto.randomBytes(32).toString('hex'),
    // Canonical URLs must be on the measured host, or Lighthouse's canonical audit fails.
    SERVER_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: '--no-deprecation',
  }

  say('Building the production app (npm run build)…')
  await run('npm', ['run', 'build'], { ...env, DATABASE_URI: `file:${path.join(scratch, 'build.db')}` })

  say(`Starting the server (npm start) on ${baseUrl} with a fresh database…`)
  let output = ''
  const serverArgs = ['--import', 'tsx', 'src/server/server.ts', '--port', String(port), '--hostname', '127.0.0.1']
  const server = spawn(process.execPath, serverArgs, {
    cwd: root,
    env: { ...env, NODE_ENV: 'production', DATABASE_URI: `file:${path.join(scratch, 'lighthouse.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  server.stdout?.on('data', keep)
  server.stderr?.on('data', keep)
  cleanups.push(() => stopProcessGroup(server))

  await waitForSeededServer(baseUrl, server, () => output)
  return baseUrl
}

async function pageStatus(url: string): Promise<number | null> {
  try {
    return (await fetch(url)).status
  } catch {
    return null
  }
}

type MeasureOptions = { runs: number; saveDir: string | undefined }

async function measure(
  baseUrl: string,
  pages: readonly string[],
  { runs, saveDir }: MeasureOptions,
): Promise<PageMeasurement[]> {
  const chromePath = systemChromiumPath()
  if (!fs.existsSync(chromePath)) {
    throw new Error(`No Chromium at ${chromePath}: install one with "apt-get install -y chromium" or set CHROME_PATH.`)
  }
  const chrome: LaunchedChrome = await launch({
    chromePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    logLevel: 'error',
  })
  cleanups.push(() => chrome.kill())

  const results: PageMeasurement[] = []
  for (const page of pages) {
    const url = new URL(page, baseUrl).toString()
    // One request first, so the measurement sees a warm server as readers would, not the first load
    // of the page's code.
    const status = await pageStatus(url)
    say(`Measuring ${url} (HTTP ${status ?? 'unreachable'})${runs > 1 ? `, ${runs} runs` : ''}…`)
    const lhrs = []
    for (let run = 0; run < runs; run += 1) {
      const runnerResult = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      })
      if (!runnerResult) throw new Error(`Lighthouse returned no result for ${url}`)
      lhrs.push(runnerResult.lhr)
    }
    const lhr = medianRun(lhrs)
    if (saveDir) {
      fs.mkdirSync(saveDir, { recursive: true })
      const name = page.replace(/^\/+|\/+$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'home'
      fs.writeFileSync(path.join(saveDir, `${name}.json`), JSON.stringify(lhr, null, 2))
    }
    results.push(measurePage(page, status, lhr))
  }
  return results
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      page: { type: 'string', multiple: true },
      runs: { type: 'string', default: '3' },
      save: { type: 'string' },
    },
    allowPositionals: false,
  })
  const pages = values.page?.length ? values.page : DEFAULT_PAGES
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`)
  const baseUrl = values.url ? values.url.replace(/\/+$/, '') : await startProductionServer()

  const measured = await measure(baseUrl, pages, { runs, saveDir: values.save && path.resolve(values.save) })
  process.stdout.write(`\nLighthouse mobile scores for ${baseUrl}\n\n${formatScoreTable(measured)}\n`)
  const failures = formatFailures(measured)
  if (failures) process.stdout.write(`\n${failures}\n`)
  return measured.every(pagePasses) ? 0 : 1
}

let exitCode = 1
try {
  exitCode = await main()
} catch (error) {
  say(`lighthouse: ${(error as Error).message}`)
} finally {
  await cleanUp()
}
process.exit(exitCode)
