// Drives load at a server from a separate process (load-client-child.ts) and collects the run's numbers.
import type { BenchRequest } from './bench-request'
import { forkBenchChild, nextMessage, stopChild } from './child-processes'
import type { LatencySummary } from './latency-stats'

export type LoadSpec = {
  baseUrl: string
  /** Each connection sends these in turn, over and over. */
  requests: BenchRequest[]
  connections: number
  durationSeconds: number
  timeoutSeconds: number
  /** Keep when each response's request was sent, to look at the moments around a publish. */
  recordTimeline: boolean
}

export type LoadRun = {
  latency: LatencySummary
  non2xx: number
  /** Connection errors and timeouts (autocannon counts a timeout as an error too). */
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  startedAtMs: number
  finishedAtMs: number
  /** [sent at (ms since the epoch), latency ms] per response, when asked for. */
  timeline: [number, number][] | undefined
}

export type LoadMessage =
  { type: 'started'; startedAtMs: number } | { type: 'result'; result: LoadRun } | { type: 'error'; error: string }

export type RunningLoad = {
  /** Resolves when the load begins. */
  started: Promise<number>
  /** Stops the load early (or waits for its end) and returns its numbers. */
  finish: (options?: { early: boolean }) => Promise<LoadRun>
}

export function startLoad(spec: LoadSpec): RunningLoad {
  const child = forkBenchChild('load-client-child.ts')
  const started = nextMessage<Extract<LoadMessage, { type: 'started' }>>(child, 'started').then(
    (message) => message.startedAtMs,
  )
  const result = nextMessage<Extract<LoadMessage, { type: 'result' }>>(child, 'result').then(
    (message) => message.result,
  )
  // Either may be left unawaited when the other fails; the failure is reported through the one awaited.
  started.catch(() => undefined)
  result.catch(() => undefined)
  child.send({ type: 'start', spec })
  return {
    started,
    finish: async ({ early } = { early: false }) => {
      if (early) child.send({ type: 'stop' })
      try {
        return await result
      } finally {
        await stopChild(child, { graceMs: 2_000 })
      }
    },
  }
}

export function runLoad(spec: LoadSpec): Promise<LoadRun> {
  return startLoad(spec).finish()
}
