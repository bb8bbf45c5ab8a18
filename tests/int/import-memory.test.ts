// The import CLI's memory stays flat whatever the number of entries: nothing per term stays alive for the
// whole run (it grew by ~3.5 MB per term, 5.7 GB at 1,000 terms). Measured on the real CLI process.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, expect, it } from 'vitest'

import { benchEnvironment, benchPaths } from '../../bench/bench-environment'
import { writeGeneratedGlossary } from '../../bench/generated-glossary'
import { measureImport } from '../../bench/import-throughput'

import { storedTermParts } from '../support/import-cli-process'

const ENTRIES = 120
/** Node, tsx and Payload take about 300 MB before the first term; the old import needed 700 MB at 120 terms. */
const PEAK_RSS_LIMIT_MB = 450

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-import-memory-'))

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

it(`imports ${ENTRIES} generated entries whole, with a peak RSS under ${PEAK_RSS_LIMIT_MB} MB`, async () => {
  const paths = benchPaths(workDir)
  await writeGeneratedGlossary(paths.termsDir, ENTRIES)
  const measured = await measureImport(paths.termsDir, ENTRIES, benchEnvironment(paths).cli)
  const peakRssMb = (measured.peakRssBytes ?? 0) / 2 ** 20
  expect(peakRssMb).toBeGreaterThan(0)
  expect(peakRssMb).toBeLessThan(PEAK_RSS_LIMIT_MB)

  const terms = await storedTermParts(paths.databaseUri.slice('file:'.length))
  expect(terms).toHaveLength(ENTRIES)
  for (const term of terms) {
    expect(term, term.slug).toEqual({ slug: term.slug, useCases: 2, faqs: 3, providers: 4, waitingNames: 0 })
  }
}, 180_000)
