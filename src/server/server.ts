// The Cloudlex HTTP server (`npm start`, `npm run dev`): Next's request handler behind a plain Node server.
//
// Why not `next start`: Next fills in X-Forwarded-For from the socket only when the client sent none, so
// inside the app a forged header looks like a real one. Only code that sees the socket can tell them
// apart. This server works out the client's address from the socket and the proxies the operator trusts
// (TRUSTED_PROXIES) and passes it on in a header it always overwrites (src/http/client-address-header.ts). It
// also applies what no route handler can: a body-size limit before the body is read, timeouts against
// slow clients, and a graceful stop on SIGTERM/SIGINT (requests in flight, then the job run in progress,
// then the app and its database, within STOP_GRACE_MS). Pages leave Next's rendering cache identical for
// every reader; the per-request security headers and script nonces are added here on the way out
// (./page-response.ts), and compression after that. Anonymous API reads the app answered before are
// answered here without Next (./anonymous-answer-cache.ts). It keeps the caches in step with content
// changes made by any process, and runs the scheduled jobs that are due (./internal-polls.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import type { Duplex } from 'node:stream'

import compression from 'compression'

import { closeOpenDatabases } from '../db/open-databases'
import { describeMediaStorage, localMediaDirectory, readS3Settings } from '../media-storage/media-storage-settings'
import { describeSharedState, readBuildId, readRedisSettings } from '../redis/redis-settings.mjs'
import { jobRunInProgress } from '../jobs/job-leases'

import { AnonymousAnswerCache } from './anonymous-answer-cache'
import { caughtUpGate } from './caught-up-gate'
import { ensureInternalToken, startChangeSync, startJobPolling, warmTermDirectory } from './internal-polls'
import { CLIENT_ADDRESS_HEADER } from '../http/client-address-header'
import { preparePageResponse } from './page-response'
import { refuseRequestBody, type BodyRefusal } from './request-body-limits'
import { resolveClientAddress, type TrustedProxies } from './resolve-client-address'
import { applyHeapGrowth } from './heap-growth'
import { checkAppSettings, readServerSettings } from './server-settings'
import { readSharedCacheSettings, type SharedCacheSettings } from './shared-cache-policy'
import { announceServerStopping, STOP_GRACE_MS } from '../shutdown/stopping'

/** A client gets this long to send its headers, and this long for the whole request (a 12 MiB upload). */
const HEADERS_TIMEOUT_MS = 20_000
const REQUEST_TIMEOUT_MS = 120_000
/** How long an ended idle connection may stay half-open while stopping. */
const ENDED_SOCKET_GRACE_MS = 2_000
/** How long a connection opened before a stop may take to bring its first request. */
const FIRST_REQUEST_GRACE_MS = 2_000
/** A stop closes the listener once this long has passed without a new connection, or after the limit. */
const QUEUED_CONNECTIONS_QUIET_MS = 100
const QUEUED_CONNECTIONS_LIMIT_MS = 1_000

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** How long, and how much, of a refused body is let in and thrown away before the connection is cut. */
const REFUSED_BODY_LINGER = { ms: 3_000, bytes: 32 * 1024 * 1024 }

/** Throws away what a refused client still sends, within REFUSED_BODY_LINGER, then cuts the connection. */
function lingerThenCut(stream: NodeJS.ReadableStream, socket: Duplex): void {
  let discarded = 0
  const cutOff = () => socket.destroy()
  const timer = setTimeout(cutOff, REFUSED_BODY_LINGER.ms)
  timer.unref()
  stream.on('data', (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > REFUSED_BODY_LINGER.bytes) cutOff()
  })
  stream.once('close', () => clearTimeout(timer))
}

const answeredSockets = new WeakSet<Duplex>()

const UNPARSABLE_REQUEST_STATUS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
}

/**
 * Node's answer to a request it cannot parse (an address or headers over its size limit, a malformed
 * head), as Node sends it, but without destroying the socket at once: a client still writing a long
 * address would otherwise fail with EPIPE instead of reading the 431.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  // The parser keeps failing on every later chunk of the same request; the first failure answers.
  if (answeredSockets.has(socket)) return
  answeredSockets.add(socket)
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const status = UNPARSABLE_REQUEST_STATUS[error.code ?? ''] ?? '400 Bad Request'
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
  lingerThenCut(socket, socket)
}

function refuseBody(req: IncomingMessage, res: ServerResponse, { status, message }: BodyRefusal): void {
  // The body is never parsed or kept. Closing the connection as soon as the refusal was written made a
  // client still uploading fail with EPIPE before it could read the refusal, so what it still sends is
  // discarded for a moment (as nginx's lingering close does), and a client that keeps sending is cut off.
  lingerThenCut(req, req.socket)
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify({ errors: [{ message }] }))
}

type ListenerOptions = { trustedProxies: TrustedProxies; dev: boolean; cache: SharedCacheSettings }

function requestListener(
  handle: NextHandler,
  answers: AnonymousAnswerCache,
  { trustedProxies, dev, cache }: ListenerOptions,
) {
  const compress = compression()
  return (req: IncomingMessage, res: ServerResponse): void => {
    const refusal = refuseRequestBody({
      path: (req.url ?? '/').split('?')[0]!,
      contentLength: req.headers['content-length'],
      transferEncoding: req.headers['transfer-encoding'],
      contentType: req.headers['content-type'],
    })
    if (refusal) return refuseBody(req, res, refusal)
    const address = resolveClientAddress(req, trustedProxies)
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address
    else delete req.headers[CLIENT_ADDRESS_HEADER]
    // Compression wraps the response first, so it sees the body after the nonces are in.
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {})
    if (!preparePageResponse(req, res, { dev, cache })) return
    answers.serve(req, res, handle)
  }
}

type ServedSocket = Socket & { _httpMessage?: { finished?: boolean } | null }

/** Ends a connection unless a response on it is still in progress; one that never closes its side is let go after a moment. */
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

function stopGracefully(server: Server, steps: StopSteps): void {
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

async function main(): Promise<void> {
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: 'production' })
  const settings = readServerSettings(process.argv.slice(2), process.env, process.execArgv)
  // tsx turns source maps on for the whole process, and Node then keeps the source and map of every
  // module it loads: with Next's server chunks that held about 390 MB of strings in a production server
  // (611 MB resident at rest, 221 MB without). Stack traces point into the built chunks instead, as under
  // `next start`; an operator who wants mapped traces asks for them with --enable-source-maps.
  if (!settings.dev && !settings.sourceMaps) process.setSourceMapsEnabled(false)
  applyHeapGrowth()
  // Loaded after NODE_ENV is settled: Next reads it while it loads.
  const { default: next } = await import('next')
  const app = next({ dev: settings.dev, dir: process.cwd(), hostname: settings.hostname, port: settings.port })
  await app.prepare() // loads .env, so the app's own settings are checked after it
  checkAppSettings(process.env)
  const buildId = settings.dev ? 'development' : readBuildId(path.join(process.cwd(), '.next'))
  process.stdout.write(`${describeSharedState(readRedisSettings(process.env), buildId)}\n`)
  process.stdout.write(`${describeMediaStorage(readS3Settings(process.env), localMediaDirectory(process.env))}\n`)
  const cache = readSharedCacheSettings(process.env)
  const internalToken = ensureInternalToken()

  const caughtUp = caughtUpGate()
  const answers = new AnonymousAnswerCache()
  const listener = caughtUp.hold(
    requestListener(app.getRequestHandler(), answers, {
      trustedProxies: settings.trustedProxies,
      dev: settings.dev,
      cache,
    }),
  )
  const server = createServer(listener)
  server.on('clientError', answerUnparsableRequest)
  server.headersTimeout = HEADERS_TIMEOUT_MS
  server.requestTimeout = REQUEST_TIMEOUT_MS
  const stopPolls: (() => void)[] = []
  stopGracefully(server, { stopPolls: () => stopPolls.forEach((stop) => stop()), closeApp: () => app.close() })
  server.listen(settings.port, settings.hostname, () => {
    const { port, address } = server.address() as AddressInfo
    const loopback =
      address === '::' || address === '0.0.0.0' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address
    const origin = `http://${loopback}:${port}`
    caughtUp.startClock()
    stopPolls.push(
      startChangeSync(origin, internalToken, { onFirstSuccess: caughtUp.open, onChange: () => answers.purge() }),
    )
    if (process.env.CLOUDLEX_JOBS !== 'off') stopPolls.push(startJobPolling(origin, internalToken))
    void warmTermDirectory(origin, internalToken)
    const mode = settings.dev ? 'development' : 'production'
    process.stdout.write(`Cloudlex ${mode} server on http://${settings.hostname ?? 'localhost'}:${port}\n`)
  })
}

main().catch((error: unknown) => {
  console.error(`Cloudlex did not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
