// `npm run import` killed with SIGKILL (a crash, an OOM kill, a power cut as far as the process can tell)
// at random points of a bulk import, again and again on the same database: after each kill the file is
// sound and every term is whole or absent (tests/support/crash-checks.ts), and running the import again
// finishes with the whole glossary, each entry once. The kill points come from a seed it prints;
// CLOUDLEX_CRASH_SEED=<seed> replays them (as far as timing allows).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { afterAll, describe, expect, it } from 'vitest'

import { generatedEntry, writeGeneratedGlossary } from '../../bench/generated-glossary'
import { COMPLETED_LINKS_NOTE } from '@/content-transfer/complete-new-term-links'

import { seededRandom } from '../e2e/support/hostile/random'
import { checkAfterCrash, crashSeed, describeProblems, type HistoryRule } from '../support/crash-checks'
import { spawnImportCli, waitForOutput, type CliRun } from '../support/import-cli-process'

/**
 * Enough entries that a run killed a window after its first commit has work left: the first run stores
 * 200 new terms before its first progress line, and later runs rewrite the links of the terms before
 * (one edit each) before they create more.
 */
const ENTRIES = 600
/** How long after its first commit (its first progress line) a run may go on before its kill. */
const KILL_WINDOW_MS = 1_500

const seed = crashSeed()
const random = seededRandom(seed)
const plannedKills = random.int(8, 12)
const entries = Array.from({ length: ENTRIES }, (_, index) => generatedEntry(index, ENTRIES))

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-import-kill-'))
const entriesDir = path.join(workDir, 'entries')
const databaseFile = path.join(workDir, 'killed.db')

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

/**
 * A published import: the term's creation has one audit entry and a `published` event; every later
 * write of it (links completed as an edit) one `update` entry, one `updated` event and one version;
 * links completed in place one `update` entry and event, and no version.
 */
const importHistory: HistoryRule = ({ audit, events, versions }) => {
  const count = (items: string[], value: string) => items.filter((item) => item === value).length
  const actions = audit.map((entry) => entry.action)
  const updates = count(actions, 'update')
  const inPlace = audit.filter((entry) => entry.note === COMPLETED_LINKS_NOTE).length
  const problems: string[] = []
  if (count(actions, 'create') !== 1 || actions.length !== 1 + updates)
    problems.push(`audit entries: ${actions.join(', ') || 'none'}`)
  if (events[0] !== 'published' || count(events, 'published') !== 1)
    problems.push(`change events: ${events.join(', ') || 'none'}`)
  if (count(events, 'updated') !== updates)
    problems.push(`${updates} audit updates but ${count(events, 'updated')} updated events`)
  if (versions !== 1 + updates - inPlace)
    problems.push(`${versions} versions for ${updates} updates (${inPlace} in place)`)
  return problems
}

const check = (complete = false) =>
  checkAfterCrash(databaseFile, entries, { childStatus: 'published', history: importHistory, complete })

const importAll = () => spawnImportCli(['--status', 'published', entriesDir], databaseFile)

/** Resolves once the run has committed something (it prints progress after commits), or false if it ended first. */
const firstCommit = (run: CliRun): Promise<boolean> =>
  waitForOutput(run, /importing… \d+\//).then(
    () => true,
    () => false,
  )

describe('npm run import, killed with SIGKILL again and again', () => {
  it('leaves a sound file with whole terms after every kill, and the next run completes the glossary', async () => {
    await writeGeneratedGlossary(entriesDir, ENTRIES)
    let kills = 0
    let documents = 0
    for (let attempt = 0; kills < plannedKills && attempt < plannedKills + 3; attempt += 1) {
      const started = performance.now()
      const run = importAll()
      if (await firstCommit(run)) await sleep(random.next() * KILL_WINDOW_MS)
      const killedAfterMs = Math.round(performance.now() - started)
      if (run.child.exitCode !== null) {
        console.warn(`run ${attempt + 1} finished (${run.child.exitCode}) before its kill at ${killedAfterMs} ms`)
        continue
      }
      run.child.kill('SIGKILL')
      await run.exit
      kills += 1
      const afterKill = await check()
      expect(afterKill.problems, describeProblems(afterKill)).toEqual([])
      documents += afterKill.documents
      const progress = [...run.stderr().matchAll(/importing… (\d+)\//g)].at(-1)?.[1]
      console.warn(
        `kill ${kills}: ${killedAfterMs} ms after the start, past entry ${progress}; ${afterKill.storedSlugs.length}/${ENTRIES} terms stored, all whole`,
      )
    }
    expect(kills, `only ${kills} of ${plannedKills} runs were killed before they finished`).toBe(plannedKills)

    const completing = importAll()
    expect(await completing.exit, completing.stderr()).toBe(0)
    const completed = await check(true)
    expect(completed.problems, describeProblems(completed)).toEqual([])
    expect(completed.termRows).toBe(ENTRIES)
    documents += completed.documents

    const again = importAll()
    expect(await again.exit, again.stderr()).toBe(0)
    expect(again.stderr()).toMatch(/— 0 changes/)
    console.warn(
      `kills survived: CLI ${kills}/${plannedKills}, integrity ok, documents checked ${documents} (CLOUDLEX_CRASH_SEED=${seed})`,
    )
  }, 600_000)
})
