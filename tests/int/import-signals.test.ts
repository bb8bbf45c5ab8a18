// An import stopped with SIGTERM (a deploy, a container stop, a shutdown) stops after the terms it is
// writing, says what it imported and what not, exits 143, and leaves only whole terms behind; running
// it again finishes the job.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { writeGeneratedGlossary } from '../../bench/generated-glossary'

import { spawnImportCli, storedChildCounts, storedTermParts, waitForOutput } from '../support/import-cli-process'

// New terms are stored a batch (200) at a time: enough entries that the signal arrives between batches.
const ENTRIES = 700
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-import-stop-'))
const entriesDir = path.join(workDir, 'entries')
const databaseFile = path.join(workDir, 'stop.db')

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

/** Every stored term has all of its parts, and no use case or FAQ exists without its term. */
async function expectOnlyWholeTerms() {
  const terms = await storedTermParts(databaseFile)
  for (const term of terms) expect(term, term.slug).toMatchObject({ useCases: 2, faqs: 3, providers: 4 })
  expect(await storedChildCounts(databaseFile)).toEqual({ useCases: 2 * terms.length, faqs: 3 * terms.length })
  return terms
}

describe('npm run import, stopped with SIGTERM', () => {
  it('finishes the terms in progress, reports what was and was not imported, and exits 143', async () => {
    await writeGeneratedGlossary(entriesDir, ENTRIES)
    const run = spawnImportCli(['--status', 'published', entriesDir], databaseFile)
    await waitForOutput(run, /importing… \d+\//)
    run.child.kill('SIGTERM')
    expect(await run.exit).toBe(143)

    const output = run.stderr()
    expect(output).toContain('SIGTERM: stopping once the terms being written are stored')
    const stopped = /stopped by SIGTERM before the end: (\d+) files not imported \(from (\S+) on\); every term/.exec(
      output,
    )
    expect(stopped, output).not.toBeNull()
    const terms = await expectOnlyWholeTerms()
    expect(terms.length).toBeGreaterThan(0)
    expect(terms.length + Number(stopped![1])).toBe(ENTRIES)
    expect(fs.existsSync(stopped![2]!)).toBe(true)
  }, 120_000)

  it('completes on the next run, linking the names the stopped run left waiting', async () => {
    const before = (await storedTermParts(databaseFile)).length
    const run = spawnImportCli(['--status', 'published', entriesDir], databaseFile)
    expect(await run.exit).toBe(0)
    const counts = /(\d+) created, (\d+) updated, (\d+) unchanged/.exec(run.stderr())
    // Terms of the first run count as updated when their waiting names were linked now, unchanged otherwise.
    expect(counts?.slice(1).map(Number), run.stderr()).toEqual([
      ENTRIES - before,
      expect.any(Number),
      expect.any(Number),
    ])
    expect(Number(counts![2]) + Number(counts![3])).toBe(before)
    const terms = await expectOnlyWholeTerms()
    expect(terms).toHaveLength(ENTRIES)
    expect(terms.filter((term) => term.waitingNames > 0)).toEqual([])
  }, 120_000)
})
