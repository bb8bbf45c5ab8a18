// Whether this process's server is stopping: long-lived answers (the change feed's event streams) end
// when it does, so the graceful stop is not held up until its grace runs out. One signal per process,
// shared by the server and every bundle of the app through a global symbol.
import { setMaxListeners } from 'node:events'

/** How long a stop may take, from the signal to the exit, before the server gives up waiting (server.ts). */
export const STOP_GRACE_MS = 15_000

const STOPPING_KEY = Symbol.for('cloudlex.server-stopping')

function stoppingController(): AbortController {
  const global = globalThis as { [STOPPING_KEY]?: AbortController }
  if (!global[STOPPING_KEY]) {
    global[STOPPING_KEY] = new AbortController()
    // Each open stream listens (as many as CLOUDLEX_CHANGE_FEED_MAX_STREAMS): no leak for Node to warn about.
    setMaxListeners(0, global[STOPPING_KEY].signal)
  }
  return global[STOPPING_KEY]
}

/** Aborts once the server has begun to stop. */
export function serverStopping(): AbortSignal {
  return stoppingController().signal
}

export function announceServerStopping(): void {
  stoppingController().abort()
}
