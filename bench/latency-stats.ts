// Throughput and latency percentiles from the raw response times of one load run. Computed here from every
// response rather than taken from autocannon's histogram, which has no p95.

/** Latencies are null when no response came back (they would not survive JSON as NaN anyway). */
export type LatencySummary = {
  responses: number
  requestsPerSecond: number
  p50Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
  maxMs: number | null
}

/** Nearest-rank percentile of values sorted ascending: the smallest value at or above `percent`% of them. */
export function percentile(sortedAscending: readonly number[], percent: number): number | null {
  if (sortedAscending.length === 0) return null
  if (percent <= 0) return sortedAscending[0]!
  const rank = Math.ceil((percent / 100) * sortedAscending.length)
  return sortedAscending[Math.min(sortedAscending.length, rank) - 1]!
}

export function summarizeLatencies(latenciesMs: readonly number[], elapsedMs: number): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort()
  const values = Array.from(sorted)
  return {
    responses: values.length,
    requestsPerSecond: elapsedMs > 0 ? (values.length * 1000) / elapsedMs : 0,
    p50Ms: percentile(values, 50),
    p95Ms: percentile(values, 95),
    p99Ms: percentile(values, 99),
    maxMs: values.at(-1) ?? null,
  }
}
