// The app under test: the production build (`npm run build`) served by the Cloudlex server, as `npm start`
// runs it, on loopback, with its peak RSS watched for the whole run.
import { spawn } from 'node:child_process'
import path from 'node:path'

import { onCleanup, REPOSITORY_ROOT, runCommand, stopChild } from './child-processes'
import { watchPeakRss } from './process-stats'

const READY_TIMEOUT_MS = 600_000
/** What the server prints once its term directory holds the published glossary (src/server/internal-polls.ts). */
const DIRECTORY_READY = /Term directory ready: [\d,]+ published terms read in ([\d.]+) s/

export type AppServer = {
  baseUrl: string
  pid: number
  /** The server's peak resident set so far (VmHWM), in bytes; null off Linux. */
  peakRssBytes: () => number | null
  /** How long the server took to read the published glossary into its term directory at start. */
  directoryReadSeconds: number | null
  /** The end of what the server printed, for a failure report. */
  lastOutput: (characters: number) => string
  stop: () => Promise<void>
}

/** `npm run build`, against a throwaway database: a build must not depend on the content it will serve. */
export async function buildApp(env: NodeJS.ProcessEnv, workDir: string): Promise<void> {
  await runCommand('npm', ['run', 'build'], { ...env, DATABASE_URI: `file:${path.join(workDir, 'build.db')}` })
}

async function publishedTermsAnswered(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/terms?limit=1&depth=0`)
    if (!response.ok) return false
    const { docs } = (await response.json()) as { docs?: unknown[] }
    return (docs?.length ?? 0) > 0
  } catch {
    return false // not listening yet
  }
}

export async function startAppServer(port: number, env: NodeJS.ProcessEnv): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${port}`
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/server.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    // In the bench's process group: a Ctrl-C or a kill of the group reaches it even if the bench dies first.
    { cwd: REPOSITORY_ROOT, env: { ...env, SERVER_URL: baseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const stop = () => stopChild(server, { graceMs: 20_000 })
  onCleanup(stop)
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  server.stdout.on('data', keep)
  server.stderr.on('data', keep)
  const memory = watchPeakRss(server.pid!, 500)

  const deadline = Date.now() + READY_TIMEOUT_MS
  while (!(await publishedTermsAnswered(baseUrl))) {
    if (server.exitCode !== null) throw new Error(`the app server exited with code ${server.exitCode}:\n${output}`)
    if (Date.now() > deadline)
      throw new Error(`the app server at ${baseUrl} listed no terms after ${READY_TIMEOUT_MS / 1000} s:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  // The server reads the glossary into its term directory as it starts; the loads measure it afterwards.
  let directoryRead: RegExpMatchArray | null = null
  while (!(directoryRead = DIRECTORY_READY.exec(output))) {
    if (server.exitCode !== null) throw new Error(`the app server exited with code ${server.exitCode}:\n${output}`)
    if (Date.now() > deadline)
      throw new Error(
        `the app server at ${baseUrl} did not read its term directory in ${READY_TIMEOUT_MS / 1000} s:\n${output}`,
      )
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    directoryReadSeconds: Number(directoryRead[1]),
    baseUrl,
    pid: server.pid!,
    peakRssBytes: memory.peakBytes,
    lastOutput: (characters) => output.slice(-characters),
    stop: async () => {
      memory.stop()
      await stop()
    },
  }
}
