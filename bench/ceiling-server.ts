// Starts the ceiling server (ceiling-server-child.ts) in its own process with the recorded responses.
import { forkBenchChild, nextMessage, stopChild } from './child-processes'
import type { CeilingMessage, CeilingStart, RecordedResponse } from './ceiling-recording'

export type CeilingServer = { baseUrl: string; pid: number; stop: () => Promise<void> }

export async function startCeilingServer(recordings: RecordedResponse[], port = 0): Promise<CeilingServer> {
  const child = forkBenchChild('ceiling-server-child.ts')
  const listening = nextMessage<Extract<CeilingMessage, { type: 'listening' }>>(child, 'listening')
  child.send({ recordings, port } satisfies CeilingStart)
  const { port: boundPort } = await listening
  return { baseUrl: `http://127.0.0.1:${boundPort}`, pid: child.pid!, stop: () => stopChild(child, { graceMs: 2_000 }) }
}
