// The import and export commands as editors run them: separate processes on a production-mode database.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'

import { REPO_ROOT, SEED_DIR } from './support/harness'

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-cli-'))
const env = {
  ...process.env,
  NODE_ENV: 'production' as const,
  DATABASE_URI: `file:${path.join(workDir, 'cli.db')}`,
  PAYLOAD_SECRET: 'cli-test-secret-not-for-real-use-000000000',
  NODE_OPTIONS: '--no-deprecation --conditions=production',
}

function runCli(script: 'import' | 'export', args: string[]) {
  const result = spawnSync(
    path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
    [path.join(REPO_ROOT, `seed/cli/${script}.ts`), ...args],
    { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 },
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

const brokenFile = path.join(workDir, 'incoming', 'broken.txt')
const goodFile = path.join(workDir, 'incoming', 'good.txt')
fs.mkdirSync(path.dirname(brokenFile), { recursive: true })
fs.writeFileSync(
  brokenFile,
  [
    'Broken Entry',
    'Definition',
    'Something that will not import.',
    'Use Cases',
    '- Some org: scenario without any separator',
    'Category: testing',
    'Difficulty: expert',
  ].join('\n'),
)
fs.writeFileSync(
  goodFile,
  [
    'Good Entry',
    'Definition',
    'Something that imports. Think of it as a test.',
    'Provider Equivalents',
    '- AWS: Amazon Good',
    'Category: testing',
    'Difficulty: beginner',
    'Related Terms',
    '- CloudTrail',
    '- Not Yet Written',
  ].join('\n'),
)

describe('npm run import', () => {
  it('reports each problem of a bad file as FILE:LINE: reason, imports the good one and exits 1', () => {
    const result = runCli('import', ['--status', 'published', brokenFile, goodFile])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`${brokenFile}:5: use case has no " — " separator`)
    expect(result.stderr).toContain(`${brokenFile}:7: `)
    expect(result.stderr).toMatch(/1 created, 0 updated/)
    expect(result.stderr).toContain('unresolved in good-entry: CloudTrail, Not Yet Written')
  })

  it('imports the seed folder, then resolves the names that were waiting', () => {
    const result = runCli('import', ['--status', 'published', '--json', path.join(SEED_DIR, 'terms')])
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout) as { created: string[]; linked: string[]; unresolved: unknown[] }
    expect(report.created.length).toBeGreaterThanOrEqual(41)
    expect(report.linked).toEqual(['good-entry'])
    expect(result.stderr).toContain('importing… 10/')
  })

  it('leaves the SQLite planner statistics of the imported glossary behind', async () => {
    const database = createClient({ url: env.DATABASE_URI })
    try {
      const { rows } = await database.execute(
        "SELECT stat FROM sqlite_stat1 WHERE tbl = 'terms' AND idx = 'sqlite_autoindex_terms_1'",
      )
      // "rows per table, rows per id": the id is unique, which is what makes the planner use it.
      expect(String(rows[0]?.stat)).toMatch(/^\d+ 1$/)
    } finally {
      database.close()
    }
  })

  it('reports zero changes on a second run', () => {
    const result = runCli('import', ['--status', 'published', path.join(SEED_DIR, 'terms')])
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/0 created, 0 updated, \d+ unchanged, 0 other terms linked — 0 changes/)
  })
})

describe('npm run export', () => {
  it('writes files that import to the same JSON as seed/ (round trip)', () => {
    const outDir = path.join(workDir, 'exported')
    const exported = runCli('export', ['--out', outDir, '--status', 'published'])
    expect(exported.status).toBe(0)

    const fromExport = runCli('import', ['--dry-run', '--json', outDir])
    const fromSeed = runCli('import', ['--dry-run', '--json', path.join(SEED_DIR, 'terms')])
    expect(fromSeed.status).toBe(0)
    const seedDocuments = JSON.parse(fromSeed.stdout) as { slug: string }[]
    const exportedDocuments = (JSON.parse(fromExport.stdout) as { slug: string }[]).filter(
      (document) => document.slug !== 'good-entry',
    )
    expect(exportedDocuments).toEqual(seedDocuments)
  })

  it('refuses a call without --out, saying how to call it', () => {
    const result = runCli('export', [])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--out DIR is required')
    expect(result.stderr).toContain('usage: npm run export')
  })
})
