// How fast `npm run import` loads a generated glossary into a fresh SQLite database, and how much memory
// it needs: runs the real CLI as a child process, samples its peak RSS from /proc, and prints
// {terms, seconds, termsPerSecond, peakRssMb}. The bench harness calls measureImport; run alone with
// `npx tsx bench/import-throughput.ts --terms 10000 [--keep]`.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

import { writeGeneratedGlossary } from './generated-glossary'

export type ImportMeasurement = { terms: number; seconds: number; termsPerSecond: number; peakRssMb: number }

export type MeasureImportOptions = {
  terms: number
  /** The SQLite file to import into; a fresh one in a temporary folder when left out. */
  databaseFile?: string
  /** Keep the generated entries and the temporary folder (for a look afterwards). */
  keep?: boolean
  /** Pass the CLI's progress and report lines on to this process's stderr. */
  echo?: boolean
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..')
const SAMPLE_INTERVAL_MS = 100

/** The process's high-water mark of resident memory, in kB (0 once it has exited). */
function peakRssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

type ChildRun = { exitCode: number | null; signal: NodeJS.Signals | null; peakKb: number; stderrTail: string }

/** Runs the import CLI the way `npm run import` does, in one Node process whose memory is sampled. */
function runImportCli(entriesDir: string, databaseFile: string, echo: boolean): Promise<ChildRun> {
  const child = spawn(
    process.execPath,
    ['--no-deprecation', '--conditions=production', '--import', 'tsx', 'seed/cli/import.ts', '--status', 'published', entriesDir],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URI: `file:${databaseFile}`,
        PAYLOAD_SECRET: 'bench-secret-not-for-real-use-000000000000',
        CLOUDLEX_SEED: 'off',
        CLOUDLEX_JOBS: 'off',
        CLOUDLEX_CLI: '1',
      },
    },
  )
  let peakKb = 0
  let stderrTail = ''
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, peakRssKb(child.pid!))), SAMPLE_INTERVAL_MS)
  child.stderr.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-4000)
    if (echo) process.stderr.write(chunk)
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (exitCode, signal) => {
      clearInterval(sampler)
      resolve({ exitCode, signal, peakKb, stderrTail })
    })
  })
}

export async function measureImport({ terms, databaseFile, keep = false, echo = false }: MeasureImportOptions): Promise<ImportMeasurement> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-import-bench-'))
  try {
    const entriesDir = path.join(workDir, 'entries')
    await writeGeneratedGlossary(entriesDir, terms)
    const started = performance.now()
    const run = await runImportCli(entriesDir, databaseFile ?? path.join(workDir, 'import.db'), echo)
    const seconds = (performance.now() - started) / 1000
    if (run.exitCode !== 0) {
      throw new Error(`the import exited with ${run.exitCode ?? run.signal}; its last output:\n${run.stderrTail}`)
    }
    return {
      terms,
      seconds: Math.round(seconds * 10) / 10,
      termsPerSecond: Math.round(terms / seconds),
      peakRssMb: Math.round(run.peakKb / 1024),
    }
  } finally {
    if (keep) console.error(`kept ${workDir}`)
    else fs.rmSync(workDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { terms: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } },
  })
  const terms = Number(values.terms)
  if (!Number.isInteger(terms) || terms < 1) throw new Error(`--terms must be a positive whole number, not "${values.terms}"`)
  process.stdout.write(`${JSON.stringify(await measureImport({ terms, keep: values.keep, echo: true }))}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
