// Three app processes leasing from one queue of due jobs at the same moment, on one SQLite file: every
// job is leased by exactly one of them. Payload's own runner marks jobs `processing` outside any
// transaction, and two processes could both take the same job that way.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, describe, expect, it } from 'vitest'

import { REPO_ROOT } from './support/harness'

const run = promisify(execFile)
const JOBS = 60
const PROCESSES = 3

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-lease-race-'))
const env = {
  ...process.env,
  NODE_ENV: 'production' as const,
  DATABASE_URI: `file:${path.join(directory, 'race.db')}`,
  PAYLOAD_SECRET: 'lease-race-secret-not-for-real-use-0000000',
  CLOUDLEX_SEED: 'off',
  CLOUDLEX_JOBS: 'off',
  NODE_OPTIONS: '--no-deprecation --conditions=production',
}

function child(...args: string[]) {
  return run(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'tests/int/support/lease-jobs-child.ts'), ...args],
    {
      cwd: REPO_ROOT,
      env,
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
      encoding: 'utf8',
    },
  )
}

afterAll(() => fs.rmSync(directory, { recursive: true, force: true }))

describe('leasing due jobs from several processes at once', () => {
  it('leases every job to exactly one process', { timeout: 300_000 }, async () => {
    await child('prepare', String(JOBS))
    // Each process needs a few seconds to start Payload; they all begin leasing once every one is ready.
    const race = fs.mkdtempSync(path.join(directory, 'race-'))
    const running = Array.from({ length: PROCESSES }, () => child('lease', race))
    while (fs.readdirSync(race).filter((name) => name.startsWith('ready-')).length < PROCESSES) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    fs.writeFileSync(path.join(race, 'go'), '')
    const outputs = await Promise.all(running)
    const leasedByProcess = outputs.map(
      ({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1)!) as (string | number)[],
    )

    const all = leasedByProcess.flat().map(String)
    process.stdout.write(
      `lease race: ${leasedByProcess.map((ids) => ids.length).join(' + ')} = ${all.length} leases of ${JOBS} jobs\n`,
    )
    expect(new Set(all).size).toBe(all.length) // no job leased twice
    expect(all).toHaveLength(JOBS) // and none left behind
    expect(leasedByProcess.filter((ids) => ids.length > 0).length).toBeGreaterThan(1) // the processes did race
  })
})
