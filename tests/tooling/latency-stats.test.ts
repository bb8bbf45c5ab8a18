import { describe, expect, it } from 'vitest'

import { percentile, summarizeLatencies } from '../../bench/latency-stats'

describe('latency percentiles of a load run', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1)

  it('takes the nearest rank: p50 of 1..100 is 50, p95 is 95, p99 is 99', () => {
    expect(percentile(oneToHundred, 50)).toBe(50)
    expect(percentile(oneToHundred, 95)).toBe(95)
    expect(percentile(oneToHundred, 99)).toBe(99)
    expect(percentile(oneToHundred, 100)).toBe(100)
    expect(percentile(oneToHundred, 0)).toBe(1)
  })

  it('never reports a latency lower than the one a slow tail had', () => {
    // 10 responses, one slow: p95 must be the slow one (rank 10), not an interpolation below it.
    expect(percentile([1, 1, 1, 1, 1, 1, 1, 1, 1, 900], 95)).toBe(900)
    expect(percentile([5], 99)).toBe(5)
  })

  it('summarizes unsorted latencies with throughput over the elapsed time', () => {
    const shuffled = [...oneToHundred].reverse()
    expect(summarizeLatencies(shuffled, 2_000)).toEqual({
      responses: 100,
      requestsPerSecond: 50,
      p50Ms: 50,
      p95Ms: 95,
      p99Ms: 99,
      maxMs: 100,
    })
  })

  it('reports no latency at all, rather than zero, when nothing came back', () => {
    expect(summarizeLatencies([], 5_000)).toEqual({
      responses: 0,
      requestsPerSecond: 0,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      maxMs: null,
    })
  })
})
