// The graceful stop on SIGTERM/SIGINT: the requests in flight are answered, then the job run in progress
// finishes, then the app and its database close, within STOP_GRACE_MS.
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

import { closeOpenDatabases } from '../db/open-databases'
import { jobRunInProgress } from '../jobs/job-leases'

import { announceServerStopping, STOP_GRACE_MS } from '../shutdown/stopping'

/** How long an ended idle connection may stay half-open while stopping. */
const ENDED_SOCKET_GRACE_MS = 2_000
/** How long a connection opened before a stop may take to bring its first request. */
const FIRST_REQUEST_GRACE_MS = 2_000
/** A stop closes the listener once this long has passed without a new connection, or after the limit. */
const QUEUED_CONNECTIONS_QUIET_MS = 100
const QUEUED_CONNECTIONS_LIMIT_MS = 1_000

type ServedSocket = Socket & { _httpMessage?: { finished?: boolean } | null }

/**
 * Ends a connection unless a response on it is still in progress; one that never closes its side is let go
 * after a moment.
 */
function endIfIdle(socket: ServedSocket): void {
  const response = socket._httpMessage
  if (response && !response.finished) return
  socket.end()
  setTimeout(() => socket.destroy(), ENDED_SOCKET_GRACE_MS).unref()
}

/**
 * Node's `close()` destroys the connections it counts as idle, and it counts as idle a connection whose
 * last response was ended but is still being written: destroying it cut the end off that response (seen
 * through nginx as an instance stopped under load). Connections with no request in progress are ended
 * instead, which sends what they hold first; the others answer with `Connection: close` and end after.
 * A connection that has not brought its first request yet was opened to send one, which may already be
 * on its way (under load, by the time the server reads it): it gets FIRST_REQUEST_GRACE_MS to arrive.
 */
function endConnectionsGently(server: Server): { stop: () => void; inFlight: () => number; taken: () => number } {
  const sockets = new Set<ServedSocket>()
  const broughtARequest = new WeakSet<Socket>()
  let taken = 0
  server.on('connection', (socket: ServedSocket) => {
    taken += 1
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  server.on('request', (req: IncomingMessage) => broughtARequest.add(req.socket))
  return {
    inFlight: () => requestsInFlight(sockets),
    taken: () => taken,
    stop: () => {
      server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) =>
        res.setHeader('Connection', 'close'),
      )
      server.closeIdleConnections = () => {
        for (const socket of sockets) {
          if (broughtARequest.has(socket)) endIfIdle(socket)
          // Checked after the next look at the sockets: a timer that fires once a long write lets go of
          // the event loop runs before the requests that arrived meanwhile are read.
          else setTimeout(() => setImmediate(() => endIfIdle(socket)), FIRST_REQUEST_GRACE_MS).unref()
        }
      }
    },
  }
}

/**
 * A long SQLite write holds the event loop, and connections made meanwhile wait in the system's queue
 * with their requests sent; closing the listener at once resets them (Node was seen taking one of them
 * per turn of the loop after the signal). So the listener closes once no connection has come for
 * QUEUED_CONNECTIONS_QUIET_MS, or after QUEUED_CONNECTIONS_LIMIT_MS under a steady stream.
 */
function closeOnceQueueIsTaken(server: Server, taken: () => number, onClosed: () => void): void {
  const deadline = performance.now() + QUEUED_CONNECTIONS_LIMIT_MS
  const look = (before: number) =>
    setTimeout(() => {
      if (taken() !== before && performance.now() < deadline) look(taken())
      else server.close(onClosed)
    }, QUEUED_CONNECTIONS_QUIET_MS)
  look(taken())
}

/** Requests whose answer has not been sent in full yet. */
function requestsInFlight(sockets: Set<ServedSocket>): number {
  let count = 0
  for (const socket of sockets) if (socket._httpMessage && !socket._httpMessage.finished) count += 1
  return count
}
type StopSteps = {
  /** Stops the polls, so that no job or cache sync starts while the server stops. */
  stopPolls: () => void
  /** Next's own close: it waits for the work routes left to run after their answer. */
  closeApp: () => Promise<void>
}

/** What a stop cut short leaves behind, said when the grace runs out. */
const CUT_SHORT_NOTE =
  'Writes not committed are rolled back; a job cut off here is run again from its start once its lease runs out (CLOUDLEX_JOB_LEASE_SECONDS).'

/**
 * The stop after the server has answered its last request: the job run in progress finishes, the app
 * closes, then the database. Each step says what it waits for; `onStep` keeps the name for the grace timer.
 */
async function finishStop(
  say: (line: string) => void,
  { closeApp }: StopSteps,
  onStep: (waitingFor: string) => void,
): Promise<void> {
  say('every request in flight was answered.')
  const jobRun = jobRunInProgress()
  if (jobRun) {
    onStep('the job run in progress')
    say('waiting for the job run in progress to finish.')
    const outcome = await jobRun.then(
      ({ leased }) => `finished (${leased.length} newly leased)`,
      () => 'ended with an error; its jobs are retried',
    )
    say(`job run ${outcome}.`)
  }
  onStep('the app to close')
  await closeApp()
  onStep('the database to close')
  say('closing the database.')
  const closed = await closeOpenDatabases()
  say(closed.length > 0 ? `database closed (${closed.join(', ')}).` : 'no database was open.')
}

export function stopGracefully(server: Server, steps: StopSteps): void {
  let stopping = false
  const connections = endConnectionsGently(server)
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    const signalledAt = performance.now()
    const say = (line: string) =>
      process.stdout.write(`${signal}: ${line} (${((performance.now() - signalledAt) / 1000).toFixed(1)} s)\n`)
    steps.stopPolls()
    announceServerStopping()
    const inFlight = connections.inFlight()
    say(
      `stopped polling for jobs and changes; taking the connections already queued, then no more; finishing ${inFlight} request${inFlight === 1 ? '' : 's'} in flight.`,
    )
    let waitingFor = 'requests in flight'
    setTimeout(() => {
      console.error(
        `${signal}: still waiting for ${waitingFor} after ${STOP_GRACE_MS / 1000} s; stopping anyway. ${CUT_SHORT_NOTE}`,
      )
      process.exit(1)
    }, STOP_GRACE_MS).unref()
    connections.stop()
    const finish = () =>
      finishStop(say, steps, (step) => (waitingFor = step)).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(
            `${signal}: the stop failed while waiting for ${waitingFor}: ${error instanceof Error ? error.message : String(error)}`,
          )
          process.exit(1)
        },
      )
    // `close()` also ends the idle connections, as endConnectionsGently decides.
    closeOnceQueueIsTaken(server, connections.taken, () => void finish())
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
