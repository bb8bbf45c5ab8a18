// Fills the scale benchmark's database with generated terms through the real import CLI, before the
// server starts on it. Imports run in batches, each in a process of its own, so the importer's memory is
// bounded by one batch; related-term names that resolve in a later batch are linked when it arrives.
// A database that already holds the requested number of terms is used as it is.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { createClient } from '@libsql/client'

import { writeGeneratedGlossary } from '../../../bench/generated-glossary'

import { readScaleSettings } from './scale-settings'

const repoRoot = path.resolve(import.meta.dirname, '../../..')

async function countTerms(databaseFile: string): Promise<number> {
  if (!fs.existsSync(databaseFile)) return 0
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'terms'")
    if (tables.rows.length === 0) return 0
    return Number((await client.execute('SELECT count(*) AS n FROM terms')).rows[0]!.n)
  } finally {
    client.close()
  }
}

/** Imports one batch; the CLI's per-term notes (related names resolved later) are shown only if it fails. */
function importBatch(files: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(
    path.join(repoRoot, 'node_modules/.bin/tsx'),
    [path.join(repoRoot, 'seed/cli/import.ts'), '--status', 'published', ...files],
    { cwd: repoRoot, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 },
  )
  if (result.status !== 0) {
    process.stderr.write(result.stderr ?? '')
    throw new Error(`the import CLI exited with ${result.status ?? result.signal} on a batch of ${files.length} files`)
  }
}

async function main(): Promise<void> {
  const settings = readScaleSettings()
  const present = await countTerms(settings.databaseFile)
  if (present >= settings.terms) {
    process.stderr.write(`scale database ${settings.databaseFile} already holds ${present} terms\n`)
    return
  }
  const entriesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-scale-entries-'))
  try {
    const files = await writeGeneratedGlossary(entriesDir, settings.terms)
    const env = { ...process.env, ...settings.serverEnv, NODE_OPTIONS: '--no-deprecation --conditions=production' }
    const started = performance.now()
    for (let first = 0; first < files.length; first += settings.importBatch) {
      importBatch(files.slice(first, first + settings.importBatch), env)
      const done = Math.min(first + settings.importBatch, files.length)
      const perSecond = done / ((performance.now() - started) / 1000)
      process.stderr.write(`imported ${done}/${files.length} generated terms (${perSecond.toFixed(1)} terms/s)\n`)
    }
  } finally {
    fs.rmSync(entriesDir, { recursive: true, force: true })
  }
}

await main()
