// One Cloudlex app instance for tests that need several: the suite's production build (`.next`, from
// `npm run build`) served by src/server/server.ts on a loopback port of its own, as `npm start` runs it.
// Instances given the same DATABASE_URI share one database, as several app processes on one machine do.
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..')

const READY_TIMEOUT_MS = 240_000
const OUTPUT_KEPT_CHARS = 40_000

export type AppInstance = {
  name: string
  port: number
  baseURL: string
  process: ChildProcess
  /** What the instance printed (the last 40,000 characters). */
  output: () => string
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string | null>
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop: (graceMs?: number) => Promise<void>
  /** SIGKILL at once: a crash, as far as the instance can tell. */
  kill: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export type AppInstanceOptions = {
  name: string
  /** DATABASE_URI, PAYLOAD_SECRET and whatever else the instance should see; the test's own env is not passed. */
  env: Record<string, string>
  port?: number
}

export async function launchAppInstance({ name, env, port: askedPort }: AppInstanceOptions): Promise<AppInstance> {
  const port = askedPort ?? (await freePort())
  const baseURL = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/server.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-deprecation',
        NEXT_TELEMETRY_DISABLED: '1',
        SERVER_URL: baseURL,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT_CHARS)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  )
  const gone = () => child.exitCode !== null || child.signalCode !== null
  const stop = async (graceMs = 20_000) => {
    if (gone()) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
  }
  const kill = async () => {
    if (gone()) return
    child.kill('SIGKILL')
    await exited
  }
  return { name, port, baseURL, process: child, output: () => output, exited, stop, kill }
}

/** Waits until `ready` says yes; fails with the instance's output if it exits or the wait runs out. */
export async function waitForInstance(
  instance: AppInstance,
  ready: (baseURL: string) => Promise<boolean>,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (instance.process.exitCode !== null || instance.process.signalCode !== null) {
      throw new Error(`instance ${instance.name} exited:\n${instance.output()}`)
    }
    if (await ready(instance.baseURL).catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`instance ${instance.name} was not ready after ${timeoutMs / 1000} s:\n${instance.output()}`)
}

/** Ready once the REST API lists at least `count` published terms. */
export function publishedTermsAtLeast(count: number): (baseURL: string) => Promise<boolean> {
  return async (baseURL) => {
    const response = await fetch(`${baseURL}/api/terms?limit=1&depth=0`)
    if (!response.ok) return false
    return ((await response.json()) as { totalDocs: number }).totalDocs >= count
  }
}
