import { describe, expect, it } from 'vitest'

import { nearestRankPercentile, summarizeLatencies } from '../../bench/latency-summary'

describe('latency percentiles for the scale benchmarks', () => {
  it('reports the 19th of 20 sorted samples as p95 and the 10th as p50', () => {
    const samples = Array.from({ length: 20 }, (_, index) => (20 - index) * 100) // 2000, 1900, … 100
    expect(summarizeLatencies(samples)).toEqual({ samples: 20, p50Ms: 1000, p95Ms: 1900, maxMs: 2000 })
  })

  it('lets one slow load out of twenty pass p95 but not two', () => {
    const oneSlow = [...Array.from({ length: 19 }, () => 300), 4000]
    const twoSlow = [...Array.from({ length: 18 }, () => 300), 4000, 4000]
    expect(nearestRankPercentile(oneSlow, 0.95)).toBe(300)
    expect(nearestRankPercentile(twoSlow, 0.95)).toBe(4000)
  })

  it('refuses to summarize no measurements', () => {
    expect(() => summarizeLatencies([])).toThrow(/at least one measurement/)
  })
})
