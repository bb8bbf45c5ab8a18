// The load client: autocannon in its own process, so the bench's bookkeeping never competes with it for
// the event loop. Runs one load per start message and answers with every response's latency summarized;
// a stop message ends the load early.
import autocannon, { type AutocannonInstance, type AutocannonOptions } from 'autocannon'

import { epochNow } from './bench-request'
import { summarizeLatencies } from './latency-stats'
import type { LoadMessage, LoadRun, LoadSpec } from './load-runner'

let running: AutocannonInstance | undefined
let stopRequested = false

const send = (message: LoadMessage) => process.send?.(message)

function options(spec: LoadSpec): AutocannonOptions {
  return {
    url: spec.baseUrl,
    connections: spec.connections,
    duration: spec.durationSeconds,
    timeout: spec.timeoutSeconds,
    requests: spec.requests.map(({ method, path, headers, body }) => ({ method, path, headers, body })),
  }
}

function measure(spec: LoadSpec): Promise<LoadRun> {
  const latencies: number[] = []
  const timelineStarts: number[] = []
  return new Promise((resolve, reject) => {
    const startedAtMs = epochNow()
    const instance = autocannon(options(spec), (error, result) => {
      if (error) return reject(error)
      const finishedAtMs = epochNow()
      resolve({
        latency: summarizeLatencies(latencies, finishedAtMs - startedAtMs),
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: Object.fromEntries(
          Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]),
        ),
        startedAtMs,
        finishedAtMs,
        timeline: spec.recordTimeline ? timelineStarts.map((start, index) => [start, latencies[index]!]) : undefined,
      })
    })
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => {
      latencies.push(responseTimeMs)
      if (spec.recordTimeline) timelineStarts.push(epochNow() - responseTimeMs)
    })
    running = instance
    send({ type: 'started', startedAtMs })
    if (stopRequested) instance.stop()
  })
}

async function run(spec: LoadSpec): Promise<void> {
  try {
    const result = await measure(spec)
    send({ type: 'result', result })
  } catch (error) {
    send({ type: 'error', error: (error as Error).message })
  }
}

process.on('disconnect', () => process.exit(0))
process.on('message', (message: { type: 'start'; spec: LoadSpec } | { type: 'stop' }) => {
  if (message.type === 'start') void run(message.spec)
  else {
    stopRequested = true
    running?.stop()
  }
})
