// The Cloudlex HTTP server (`npm start`, `npm run dev`): Next's request handler behind a plain Node server.
//
// Why not `next start`: Next fills in X-Forwarded-For from the socket only when the client sent none, so
// inside the app a forged header looks like a real one. Only code that sees the socket can tell them apart.
// This server works out the client's address from the socket and the proxies the operator trusts
// (TRUSTED_PROXIES) and passes it on in a header it always overwrites (src/http/client-address-header.ts).
// It also applies what no route handler can: a body-size limit before the body is read
// (./refused-requests.ts), timeouts against slow clients, and a graceful stop on SIGTERM/SIGINT (./graceful-stop.ts).
// Pages leave Next's rendering cache identical for every reader; the per-request security headers and
// script nonces are added here on the way out (./page-response.ts), and compression after that. Anonymous
// API reads the app answered before are answered here without Next (./anonymous-answer-cache.ts). It keeps
// the caches in step with content changes made by any process, and runs the scheduled jobs that are due
// (./internal-polls.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import compression from 'compression'

import { describeMediaStorage, localMediaDirectory, readS3Settings } from '../media-storage/media-storage-settings'
import { describeSharedState, readBuildId, readRedisSettings } from '../redis/redis-settings.mjs'

import { AnonymousAnswerCache } from './anonymous-answer-cache'
import { caughtUpGate } from './caught-up-gate'
import { applyConnectionTimeouts } from './connection-timeouts'
import { ensureInternalToken, startChangeSync, startJobPolling, warmTermDirectory } from './internal-polls'
import { CLIENT_ADDRESS_HEADER } from '../http/client-address-header'
import { stopGracefully } from './graceful-stop'
import { preparePageResponse } from './page-response'
import { answerUnparsableRequest, refuseBody } from './refused-requests'
import { refuseRequestBody } from './request-body-limits'
import { resolveClientAddress, type TrustedProxies } from './resolve-client-address'
import { applyHeapGrowth } from './heap-growth'
import { checkAppSettings, readServerSettings } from './server-settings'
import { readSharedCacheSettings, type SharedCacheSettings } from './shared-cache-policy'

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

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
  applyConnectionTimeouts(server)
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
