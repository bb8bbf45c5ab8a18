import { describe, expect, it } from 'vitest'

import { percentile, runCallers } from '../../bench/api-read/measure-latency'
import { parseApiReadArgs } from '../../bench/api-read/options'
import { needsIndex } from '../../bench/api-read/query-plans'

describe('the API read bench', () => {
  it('reads its options, with defaults for what is not given', () => {
    expect(parseApiReadArgs(['--terms', '10000', '--db', '/tmp/x.db', '--only', 'rest-list'])).toEqual({
      terms: 10_000,
      database: '/tmp/x.db',
      concurrency: 20,
      requests: 200,
      seconds: 20,
      queries: ['rest-list'],
      explain: false,
      json: null,
    })
  })

  it('refuses options it cannot use, naming them', () => {
    expect(() => parseApiReadArgs(['--terms', 'many'])).toThrow('--terms must be a whole number')
    expect(() => parseApiReadArgs(['--only', 'rest-list,graphql-list'])).toThrow('--only takes')
  })

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1)
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([50, 99, 100])
    expect(percentile([], 50)).toBeNull()
  })

  it('sends exactly the requests it is given across its callers and counts failures', async () => {
    let inFlight = 0
    let mostInFlight = 0
    const run = await runCallers(
      4,
      async (n) => {
        inFlight += 1
        mostInFlight = Math.max(mostInFlight, inFlight)
        await new Promise((resolve) => setTimeout(resolve, 1))
        inFlight -= 1
        return n % 10 === 0 ? { ok: false, detail: `request ${n}` } : { ok: true }
      },
      { requests: 30, seconds: 60 },
    )
    expect([run.responses, run.failures, run.firstFailure, mostInFlight]).toEqual([30, 3, 'request 0', 4])
  })

  it('flags plans that read a whole table or sort without an index', () => {
    expect(needsIndex('SCAN terms')).toBe(true)
    expect(needsIndex('USE TEMP B-TREE FOR ORDER BY')).toBe(true)
    expect(needsIndex('SEARCH terms USING INDEX terms_slug_idx (slug=?)')).toBe(false)
    expect(needsIndex('SCAN terms USING INDEX terms_title_idx')).toBe(false)
  })
})
