// The real import CLI (`npm run import -- --status published …`) as a child process, timed from start to
// exit, with the child's peak RSS (VmHWM). measureImport is the bench's one question to the import:
// how fast and how big, for a folder of entries.
import { spawn } from 'node:child_process'

import { IMPORT_NODE_ARGS } from '../seed/cli/import-node-args'

import { epochNow } from './bench-request'
import { onCleanup, REPOSITORY_ROOT, stopChild } from './child-processes'
import { watchPeakRss } from './process-stats'

export type ImportRun = { startedAtMs: number; exitedAtMs: number; peakRssBytes: number | null }

export type ImportMeasurement = {
  terms: number
  /** Wall time of the CLI, start to exit, as a person running it waits (Payload start and migrations included). */
  seconds: number
  termsPerSecond: number
  peakRssBytes: number | null
}

const PROGRESS_EVERY_MS = 15_000

/** Runs the import CLI on files or folders with `--status published`; rejects with its output when it fails. */
export function runImportCli(paths: string[], env: NodeJS.ProcessEnv): Promise<ImportRun> {
  const startedAtMs = epochNow()
  const child = spawn(
    process.execPath,
    [...IMPORT_NODE_ARGS, '--import', 'tsx', 'seed/cli/import.ts', '--status', 'published', ...paths],
    {
      cwd: REPOSITORY_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  onCleanup(() => stopChild(child))
  const memory = watchPeakRss(child.pid!)
  let output = ''
  let lastProgressAt = performance.now()
  const keep = (chunk: Buffer) => {
    const text = chunk.toString()
    output = (output + text).slice(-20_000)
    const progress = /importing… \d+\/\d+/.exec(text)
    if (progress && performance.now() - lastProgressAt > PROGRESS_EVERY_MS) {
      lastProgressAt = performance.now()
      process.stderr.write(`  ${progress[0]}\n`)
    }
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      const exitedAtMs = epochNow()
      const peakRssBytes = memory.stop()
      if (code === 0) resolve({ startedAtMs, exitedAtMs, peakRssBytes })
      else reject(new Error(`the import CLI failed (${signal ?? `exit ${code}`}):\n${output.slice(-4_000)}`))
    })
  })
}

export async function measureImport(
  directory: string,
  terms: number,
  env: NodeJS.ProcessEnv,
): Promise<ImportMeasurement> {
  const run = await runImportCli([directory], env)
  const seconds = (run.exitedAtMs - run.startedAtMs) / 1000
  return { terms, seconds, termsPerSecond: terms / seconds, peakRssBytes: run.peakRssBytes }
}
