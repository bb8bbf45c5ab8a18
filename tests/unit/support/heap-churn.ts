// A workload shaped like the server under load, for heap-growth.test.ts: a large live set (the term
// directory) and garbage that lives long enough to reach the old generation (renders in flight). Applies
// the server's heap-growth setting from the environment, then prints the largest heap it saw, in bytes.
import v8 from 'node:v8'

import { applyHeapGrowth } from '@/server/heap-growth'

applyHeapGrowth()
const live = Array.from({ length: 400_000 }, (_, n) => ({ n, text: `live-${n}-`.repeat(8) }))
const inFlight: unknown[][] = []
let peak = 0
for (let round = 0; round < 60; round++) {
  inFlight.push(Array.from({ length: 100_000 }, (_, n) => ({ n, text: `render-${round}-${n}-`.repeat(6) })))
  if (inFlight.length > 3) inFlight.shift()
  await new Promise((resolve) => setImmediate(resolve))
  peak = Math.max(peak, v8.getHeapStatistics().total_heap_size)
}
process.stdout.write(`${JSON.stringify({ peakHeapBytes: peak, live: live.length })}\n`)
