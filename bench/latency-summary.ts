// Percentiles of measured latencies, by the nearest-rank method: the p-th percentile is a sample that was
// actually measured (never an interpolation), so a reported p95 of 900 ms is a load that took 900 ms.

export type LatencySummary = { samples: number; p50Ms: number; p95Ms: number; maxMs: number }

/** The smallest sample with at least `fraction` of all samples at or below it. */
export function nearestRankPercentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('no samples: a percentile needs at least one measurement')
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`percentile fraction must be in (0, 1], got ${fraction}`)
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.ceil(fraction * sorted.length) - 1]!
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  return {
    samples: samples.length,
    p50Ms: nearestRankPercentile(samples, 0.5),
    p95Ms: nearestRankPercentile(samples, 0.95),
    maxMs: Math.max(...samples),
  }
}
