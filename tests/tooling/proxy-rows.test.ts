import { describe, expect, it } from 'vitest'

import { benchEndpoints } from '../../bench/endpoints'
import { proxiedEndpoints } from '../../bench/proxy-rows'
import { describeTarget } from '../../bench/report'
import { endpointTargets, proxyCacheTarget } from '../../bench/targets'

const numbers = (ratio: number) => ({ ratio, p95Ms: 5, p99Ms: 8, failures: 0, bodyBytes: 49_000 })

describe('npm run bench -- --proxy', () => {
  it('loads through nginx only the pages the app lets shared caches keep, with the same requests', () => {
    const direct = benchEndpoints(['alpha', 'beta'])
    const proxied = proxiedEndpoints(direct)
    expect(proxied.map(({ key, label }) => [key, label])).toEqual([
      ['term-page-via-proxy', 'term page via nginx'],
      ['terms-index-via-proxy', '/terms (A–Z) via nginx'],
      ['compare-via-proxy', '/compare via nginx'],
    ])
    expect(proxied[0]!.requests).toEqual(direct.find((endpoint) => endpoint.key === 'term-page')!.requests)
  })

  it('wants the cached term page through the proxy at half the ceiling or better (inclusive)', () => {
    expect(endpointTargets('term-page-via-proxy', 1_000, numbers(0.5)).every((check) => check.pass)).toBe(true)
    const missed = endpointTargets('term-page-via-proxy', 1_000, numbers(0.49)).filter((check) => !check.pass)
    expect(missed.map(describeTarget)).toEqual(['× ceiling ≥ 0.5×'])
  })

  it('counts a through-proxy row as a miss when nginx did not answer every request from its cache', () => {
    expect(proxyCacheTarget({ hits: 20, distinct: 20 }).pass).toBe(true)
    expect(proxyCacheTarget({ hits: 19, distinct: 20 })).toMatchObject({
      pass: false,
      metric: 'answered from the nginx cache',
      limit: 20,
      value: 19,
    })
  })
})
