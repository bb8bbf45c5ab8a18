// The command line of `npm run bench`: which glossary sizes to measure and how hard to load each endpoint.
import { parseArgs } from 'node:util'

export type BenchOptions = {
  /** Glossary sizes to measure, ascending, each on its own fresh database. */
  termCounts: number[]
  /** How long each endpoint is loaded, on the app and on the ceiling server alike. */
  durationSeconds: number
  connections: number
  skipBuild: boolean
  /** Also load the public pages through the repository's nginx config in front of the app server. */
  proxy: boolean
  /** Ports to listen on; unset: a free port the system picks. */
  appPort: number | undefined
  ceilingPort: number | undefined
  help: boolean
}

export const DEFAULT_TERM_COUNTS = [1_000, 10_000]
export const MIN_TERM_COUNT = 20

export const BENCH_USAGE = [
  'usage: npm run bench -- [--terms 1000,10000] [--duration 10] [--connections 20] [--skip-build] [--proxy]',
  '                        [--port <app port>] [--ceiling-port <ceiling port>]',
  '  --terms          glossary sizes, comma-separated or repeated (default 1000,10000)',
  '  --duration       seconds of load per endpoint and server (default 10)',
  '  --connections    concurrent connections of the load client (default 20)',
  '  --skip-build     use the existing production build (.next) instead of running npm run build',
  '  --proxy          also load the cached public pages through nginx (deploy/nginx) in front of the app',
].join('\n')

function positiveInteger(name: string, text: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const digits = text.trim().replace(/_/g, '') // 100_000 reads better than 100000
  const value = /^\d+$/.test(digits) ? Number(digits) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${text}"`)
  }
  return value
}

function termCountsFrom(values: string[] | undefined): number[] {
  if (!values || values.length === 0) return [...DEFAULT_TERM_COUNTS]
  const counts = values
    .flatMap((value) => value.split(','))
    .filter((part) => part.trim() !== '')
    .map((part) => positiveInteger('--terms', part, { min: MIN_TERM_COUNT }))
  if (counts.length === 0) throw new Error('--terms needs at least one glossary size, e.g. --terms 1000')
  return [...new Set(counts)].sort((a, b) => a - b)
}

const optionalPort = (name: string, text: string | undefined) =>
  text === undefined ? undefined : positiveInteger(name, text, { max: 65_535 })

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      terms: { type: 'string', multiple: true },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '20' },
      'skip-build': { type: 'boolean', default: false },
      proxy: { type: 'boolean', default: false },
      port: { type: 'string' },
      'ceiling-port': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const options: BenchOptions = {
    termCounts: termCountsFrom(values.terms),
    durationSeconds: positiveInteger('--duration', values.duration, { max: 600 }),
    connections: positiveInteger('--connections', values.connections, { max: 1_000 }),
    skipBuild: values['skip-build'],
    proxy: values.proxy,
    appPort: optionalPort('--port', values.port),
    ceilingPort: optionalPort('--ceiling-port', values['ceiling-port']),
    help: values.help,
  }
  if (options.appPort !== undefined && options.appPort === options.ceilingPort) {
    throw new Error(`--port and --ceiling-port must differ; both are ${options.appPort}`)
  }
  return options
}
