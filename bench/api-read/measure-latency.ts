// Latency of one query called over and over, one caller at a time or many at once, bounded by a request
// count and a time budget. Pure: knows nothing of Payload, only of a call that answers ok or not.

export type CallOutcome = { ok: boolean; detail?: string; bytes?: number }

export type LatencyRun = {
  callers: number
  responses: number
  failures: number
  /** The first failure's detail, so a broken query shows why rather than only a count. */
  firstFailure: string | null
  requestsPerSecond: number
  /** Process CPU time (user + system) per response: steadier than latency on a busy machine. */
  cpuMsPerRequest: number
  p50Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
  maxMs: number | null
}

export type RunBounds = { requests: number; seconds: number }

/** Nearest-rank percentile of values sorted ascending: the smallest value at or above `percent`% of them. */
export function percentile(sortedAscending: readonly number[], percent: number): number | null {
  if (sortedAscending.length === 0) return null
  if (percent <= 0) return sortedAscending[0]!
  const rank = Math.ceil((percent / 100) * sortedAscending.length)
  return sortedAscending[Math.min(sortedAscending.length, rank) - 1]!
}

export type RunTotals = { callers: number; failures: string[]; elapsedMs: number; cpuMs: number }

export function summarize(
  latenciesMs: readonly number[],
  { callers, failures, elapsedMs, cpuMs }: RunTotals,
): LatencyRun {
  const sorted = Array.from(Float64Array.from(latenciesMs).sort())
  return {
    callers,
    responses: sorted.length,
    failures: failures.length,
    firstFailure: failures[0] ?? null,
    requestsPerSecond: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : 0,
    cpuMsPerRequest: sorted.length > 0 ? cpuMs / sorted.length : 0,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? null,
  }
}

/**
 * `callers` loops each sending `call(n)` (n counts requests across all callers) until `bounds.requests`
 * have been started or `bounds.seconds` have passed; every started request is awaited and counted.
 */
export async function runCallers(
  callers: number,
  call: (n: number) => Promise<CallOutcome>,
  bounds: RunBounds,
): Promise<LatencyRun> {
  const latencies: number[] = []
  const failures: string[] = []
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const deadline = started + bounds.seconds * 1000
  let sent = 0
  const caller = async () => {
    while (sent < bounds.requests && performance.now() < deadline) {
      const n = sent++
      const begin = performance.now()
      const outcome = await call(n).catch((error: unknown): CallOutcome => ({ ok: false, detail: String(error) }))
      latencies.push(performance.now() - begin)
      if (!outcome.ok) failures.push(outcome.detail ?? 'failed')
    }
  }
  await Promise.all(Array.from({ length: callers }, caller))
  const cpu = process.cpuUsage(cpuBefore)
  return summarize(latencies, {
    callers,
    failures,
    elapsedMs: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
  })
}
