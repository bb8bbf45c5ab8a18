// The hot queries of the site, the API and the admin, planned by SQLite on a database made by the
// committed migrations (as production makes it), not by the test schema push.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { explainHotQueries, fullScansIn, fullSortsIn, usesAnIndex, type QueryPlan } from '../../bench/query-plans'

const REPO_ROOT = path.resolve(import.meta.dirname, '../..')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-plans-'))
const databaseFile = path.join(workDir, 'migrated.db')
let plans: QueryPlan[]

beforeAll(() => {
  const migrate = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/payload'), ['migrate'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URI: `file:${databaseFile}`,
      PAYLOAD_SECRET: 'query-plan-test-secret-not-for-real-use-000',
      CLOUDLEX_SEED: 'off',
      NODE_OPTIONS: '--no-deprecation --conditions=production',
    },
  })
  if (migrate.status !== 0) throw new Error(`payload migrate failed:\n${migrate.stderr}`)
  return explainHotQueries(databaseFile).then((result) => {
    plans = result
  })
})

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

const describePlan = (plan: QueryPlan) => `${plan.name}:\n  ${plan.steps.join('\n  ')}`

describe('the query plans of the hot queries on a migrated database', () => {
  it('answers every hot query from an index, never by scanning a table', () => {
    expect(plans.length).toBeGreaterThan(0)
    for (const plan of plans) {
      expect(fullScansIn(plan), describePlan(plan)).toEqual([])
      expect(usesAnIndex(plan), describePlan(plan)).toBe(true)
    }
  })

  it('reads a page of a sorted list along an index instead of sorting every match', () => {
    const pages = plans.filter((plan) => plan.pageAlongIndex)
    expect(pages.map((plan) => plan.name)).toEqual([
      'A–Z page for a letter',
      'terms of a category page',
      'terms updated since (feeds, change sync)',
      'editorial desk: a stage, latest change first',
      'content changes since a time',
      'change feed: events after a position',
      'change feed: where a new consumer’s log starts',
      'change feed: terms after an id (snapshot)',
    ])
    for (const plan of pages) expect(fullSortsIn(plan), describePlan(plan)).toEqual([])
  })
})
