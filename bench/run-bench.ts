// `npm run bench`: for each glossary size, a fresh database filled through the real import CLI, the
// production server on it, every public page and API loaded from a separate process next to a plain
// node:http ceiling serving the same bytes (with --proxy, the cacheable pages again through nginx),
// then one publish under load. Prints a table per size, writes bench/results/<date>-<terms>.json and
// bench/results/latest.md. Exits 0 when targets are missed (it is a report; the misses are listed); 1
// when the harness itself fails, 2 on a bad command line.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { buildApp, startAppServer, type AppServer } from './app-server'
import { BENCH_USAGE, parseBenchArgs, type BenchOptions } from './bench-args'
import { benchEnvironment, benchPaths } from './bench-environment'
import {
  machineInfo,
  runDate,
  writeLatestMarkdown,
  writeSizeResult,
  type EndpointResult,
  type LoadNumbers,
  type SizeResult,
} from './bench-results'
import { meanBodyBytes, recordResponses, type Recording } from './ceiling-recording'
import { startCeilingServer, type CeilingServer } from './ceiling-server'
import {
  freeLoopbackPort,
  isStopping,
  onCleanup,
  REPOSITORY_ROOT,
  runCleanups,
  stopChildrenOnSignals,
} from './child-processes'
import { benchEndpoints, sampleSlugs, type BenchEndpoint } from './endpoints'
import { probeFreshness } from './freshness-probe'
import { countCacheHits, proxiedEndpoints, startBenchProxy } from './proxy-rows'
import { waitUntilQuiet } from './process-stats'
import { generatedEntry, writeGeneratedGlossary } from './generated-glossary'
import { measureImport } from './import-throughput'
import { runLoad, type LoadRun } from './load-runner'
import { formatMs, formatRate, latestMarkdown, sizeReportText } from './report'
import { endpointTargets, freshnessTargets, importTargets, p50Growth, proxyCacheTarget, serverTargets } from './targets'

const WARMUP_SECONDS = 2
const REQUEST_TIMEOUT_SECONDS = 10
const SETTLE_MAX_MS = 60_000
const SERVER_OUTPUT_SHOWN = 4_000

const say = (message: string) => process.stderr.write(`${message}\n`)

function temporaryFolder(name: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `cloudlex-bench-${name}-`))
  onCleanup(() => fs.rmSync(folder, { recursive: true, force: true }))
  return folder
}

function loadNumbers(run: LoadRun): LoadNumbers {
  const { requestsPerSecond, p50Ms, p95Ms, p99Ms, maxMs, responses } = run.latency
  return { requestsPerSecond, p50Ms, p95Ms, p99Ms, maxMs, responses, non2xx: run.non2xx, errors: run.errors }
}

type Servers = { app: AppServer; ceiling: CeilingServer }

/** Lets the app finish what a load left behind (requests the client gave up on) before the next load. */
async function settle(app: AppServer): Promise<void> {
  const { waitedMs, quiet } = await waitUntilQuiet(app.pid, { maxWaitMs: SETTLE_MAX_MS })
  if (!quiet) say(`  (the app server was still busy after ${SETTLE_MAX_MS / 1000} s; the next numbers pay for that)`)
  else if (waitedMs > 2_000)
    say(`  (waited ${(waitedMs / 1000).toFixed(1)} s for the app server to finish abandoned requests)`)
}

async function measureEndpoint(
  endpoint: BenchEndpoint,
  servers: Servers,
  recording: Recording,
  terms: number,
  options: BenchOptions,
  measuredUrl = servers.app.baseUrl,
): Promise<EndpointResult> {
  const load = async (baseUrl: string, durationSeconds: number) =>
    loadNumbers(
      await runLoad({
        baseUrl,
        requests: endpoint.requests,
        connections: endpoint.connections ?? options.connections,
        durationSeconds,
        timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
        recordTimeline: false,
      }),
    )
  // A warm-up (JIT, caches, connections) that is not counted, and what it left running finished before
  // the measured load; the app is settled again afterwards, so the ceiling and the next endpoint start quiet.
  await load(measuredUrl, WARMUP_SECONDS)
  await settle(servers.app)
  const app = await load(measuredUrl, options.durationSeconds)
  await settle(servers.app)
  await load(servers.ceiling.baseUrl, WARMUP_SECONDS)
  const ceiling = await load(servers.ceiling.baseUrl, options.durationSeconds)
  const ratio = ceiling.requestsPerSecond > 0 ? app.requestsPerSecond / ceiling.requestsPerSecond : 0
  const bodyBytes = meanBodyBytes(recording, endpoint.requests)
  say(
    `  ${endpoint.label}: ${formatRate(app.requestsPerSecond)} req/s (ceiling ${formatRate(ceiling.requestsPerSecond)}), p50 ${formatMs(app.p50Ms)}`,
  )
  return {
    key: endpoint.key,
    label: endpoint.label,
    requests: endpoint.requests,
    bodyBytes,
    app,
    ceiling,
    ratio,
    serverPeakRssBytes: servers.app.peakRssBytes(),
    targets: endpointTargets(endpoint.key, terms, {
      ratio,
      p95Ms: app.p95Ms,
      p99Ms: app.p99Ms,
      failures: app.non2xx + app.errors,
      bodyBytes,
    }),
  }
}

/** The cacheable pages again through nginx, each next to the ceiling as the direct rows are. */
async function measureThroughProxy(
  endpoints: BenchEndpoint[],
  servers: Servers,
  recording: Recording,
  terms: number,
  options: BenchOptions,
) {
  say('Starting nginx (deploy/nginx) in front of the app server…')
  const proxy = await startBenchProxy(servers.app.baseUrl)
  const results: EndpointResult[] = []
  for (const endpoint of proxiedEndpoints(endpoints)) {
    const cached = await countCacheHits(proxy.url, endpoint.requests)
    if (cached.hits < cached.distinct)
      say(`  warning: nginx answered ${cached.hits} of ${cached.distinct} ${endpoint.label} requests from its cache`)
    const result = await measureEndpoint(endpoint, servers, recording, terms, options, proxy.url)
    results.push({ ...result, targets: [...result.targets, proxyCacheTarget(cached)] })
  }
  await proxy.stop()
  return results
}

async function startServers(terms: number, options: BenchOptions, env: NodeJS.ProcessEnv) {
  say(`Starting the production server…`)
  const app = await startAppServer(options.appPort ?? (await freeLoopbackPort()), env)
  say(`  it read the published glossary into its term directory in ${app.directoryReadSeconds?.toFixed(1) ?? '?'} s`)
  const endpoints = benchEndpoints(sampleSlugs(terms), terms)
  say(`Recording each response once for the ceiling server…`)
  const recording = await recordResponses(
    app.baseUrl,
    endpoints.flatMap((endpoint) => endpoint.requests),
  )
  for (const failure of recording.failures) say(`  warning: ${failure}`)
  const ceiling = await startCeilingServer(recording.responses, options.ceilingPort ?? 0)
  return { servers: { app, ceiling }, endpoints, recording }
}

async function measureSize(terms: number, options: BenchOptions, date: string): Promise<SizeResult> {
  const startedAt = performance.now()
  const loadAverageAtStart = os.loadavg()[0]!
  const paths = benchPaths(temporaryFolder(String(terms)))
  const env = benchEnvironment(paths)
  say(`\n== ${terms.toLocaleString('en-US')} terms (${paths.workDir})`)
  say(`Generating ${terms} entries and importing them with the import CLI…`)
  await writeGeneratedGlossary(paths.termsDir, terms)
  const imported = await measureImport(paths.termsDir, terms, env.cli)
  say(`  imported in ${imported.seconds.toFixed(1)} s (${imported.termsPerSecond.toFixed(1)} terms/s)`)

  const { servers, endpoints, recording } = await startServers(terms, options, env.app)
  const results: EndpointResult[] = []
  let freshness: Awaited<ReturnType<typeof probeFreshness>>
  let peakRssBeforeLoadsBytes: number | null = null
  try {
    say(`Loading each endpoint for ${options.durationSeconds} s, then the ceiling for as long…`)
    await settle(servers.app)
    peakRssBeforeLoadsBytes = servers.app.peakRssBytes()
    for (const endpoint of endpoints) results.push(await measureEndpoint(endpoint, servers, recording, terms, options))
    if (options.proxy) results.push(...(await measureThroughProxy(endpoints, servers, recording, terms, options)))
    await servers.ceiling.stop()
    await settle(servers.app)

    say('Publishing an edit of one term from the import CLI while its page is under load…')
    freshness = await probeFreshness({
      baseUrl: servers.app.baseUrl,
      entry: generatedEntry(0, terms), // the first of sampleSlugs(terms)
      publishDir: paths.publishDir,
      cliEnv: env.cli,
      connections: options.connections,
    })
  } catch (error) {
    // Whatever failed (a request with no answer, a refused publish), the server's own log says why.
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${message}\nThe app server's last output:\n${servers.app.lastOutput(SERVER_OUTPUT_SHOWN)}`)
  }
  const peakRssBytes = servers.app.peakRssBytes()
  await servers.app.stop()
  fs.rmSync(paths.workDir, { recursive: true, force: true }) // a 100k glossary's files and database are large
  return {
    date,
    terms,
    elapsedSeconds: (performance.now() - startedAt) / 1000,
    machine: machineInfo(),
    machineLoad: { atStart: loadAverageAtStart, atEnd: os.loadavg()[0]! },
    settings: {
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      warmupSeconds: WARMUP_SECONDS,
    },
    import: { ...imported, targets: importTargets(terms, imported.termsPerSecond, imported.peakRssBytes) },
    server: {
      peakRssBytes,
      peakRssBeforeLoadsBytes,
      directoryReadSeconds: servers.app.directoryReadSeconds,
      targets: serverTargets(terms, peakRssBytes),
    },
    endpoints: results,
    freshness: {
      ...freshness,
      targets: freshnessTargets({ ...freshness, failures: freshness.load.non2xx + freshness.load.errors }),
    },
    growth: null,
  }
}

const p50Rows = (result: SizeResult) =>
  result.endpoints.map(({ key, label, app, ceiling, bodyBytes }) => ({
    key,
    label,
    p50Ms: app.p50Ms,
    bodyBytes,
    ceilingP50Ms: ceiling.p50Ms,
  }))

async function build(options: BenchOptions): Promise<void> {
  if (options.skipBuild) {
    if (!fs.existsSync(path.join(REPOSITORY_ROOT, '.next', 'BUILD_ID'))) {
      throw new Error(
        '--skip-build needs a production build in .next: run `npm run build` first, or leave out --skip-build.',
      )
    }
    return
  }
  say('Building the production app (npm run build)…')
  const buildDir = temporaryFolder('build')
  await buildApp(benchEnvironment(benchPaths(buildDir)).app, buildDir)
}

async function run(options: BenchOptions): Promise<void> {
  const startedAt = performance.now()
  await build(options)
  const date = runDate()
  const results: SizeResult[] = []
  for (const terms of options.termCounts) {
    const result = await measureSize(terms, options, date)
    const previous = results.at(-1)
    if (previous) result.growth = { fromTerms: previous.terms, rows: p50Growth(p50Rows(previous), p50Rows(result)) }
    results.push(result)
    const file = await writeSizeResult(result)
    process.stdout.write(`\n${sizeReportText(result)}`)
    say(`saved ${path.relative(process.cwd(), file)}`)
  }
  say(`saved ${path.relative(process.cwd(), await writeLatestMarkdown(latestMarkdown(results)))}`)
  say(`The bench took ${((performance.now() - startedAt) / 60_000).toFixed(1)} min.`)
}

async function main(): Promise<number> {
  let options: BenchOptions
  try {
    options = parseBenchArgs(process.argv.slice(2))
  } catch (error) {
    say(`${(error as Error).message}\n${BENCH_USAGE}`)
    return 2
  }
  if (options.help) {
    process.stdout.write(`${BENCH_USAGE}\n`)
    return 0
  }
  stopChildrenOnSignals()
  try {
    await run(options)
    return 0
  } catch (error) {
    if (isStopping()) return 130
    say(`The bench failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await runCleanups()
  }
}

process.exit(await main())
