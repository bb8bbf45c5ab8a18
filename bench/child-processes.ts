// The bench's children (build, app server, ceiling server, load client, import CLI) and the promise that
// each is stopped: cleanups run newest first when the run ends, fails, or is interrupted (Ctrl-C, SIGTERM).
import { fork, spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..')

const cleanups: (() => Promise<void> | void)[] = []

export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup)
}

let cleaningUp: Promise<void> | undefined

/** Runs every cleanup once; a second caller (the signal handler and the normal end) waits for the same run. */
export function runCleanups(): Promise<void> {
  cleaningUp ??= (async () => {
    while (cleanups.length > 0) {
      try {
        await cleanups.pop()!()
      } catch (error) {
        process.stderr.write(`cleanup: ${(error as Error).message}\n`)
      }
    }
  })().finally(() => {
    cleaningUp = undefined
  })
  return cleaningUp
}

let stopping = false

/** True once a signal asked the bench to stop: what fails after that is the stop, not the bench. */
export const isStopping = () => stopping

export function stopChildrenOnSignals(): void {
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`\n${signal}: stopping the bench's processes…\n`)
    void runCleanups().finally(() => process.exit(130))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

/** Stops a child: SIGTERM, then SIGKILL if it is still running after `graceMs`. */
export async function stopChild(child: ChildProcess, { graceMs = 10_000 } = {}): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(child.pid!, name)
    } catch {
      // Exited in between.
    }
  }
  signal('SIGTERM')
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref())
  if ((await Promise.race([exited, timer])) === 'timeout') {
    signal('SIGKILL')
    await exited
  }
}

/**
 * Runs a command to its end with its output on stderr (stdout is kept for the bench's tables); rejects
 * with the exit status when it fails.
 */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPOSITORY_ROOT, env, stdio: ['ignore', process.stderr, 'inherit'] })
    onCleanup(() => stopChild(child))
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    )
  })
}

/**
 * Starts one of the bench's own TypeScript programs as a child with an IPC channel. The child exits when
 * the channel closes, so it never outlives the bench even when the bench is killed outright.
 */
export function forkBenchChild(file: string): ChildProcess {
  const child = fork(path.join(REPOSITORY_ROOT, 'bench', file), [], {
    cwd: REPOSITORY_ROOT,
    execArgv: ['--no-deprecation', '--import', 'tsx'],
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  onCleanup(() => stopChild(child, { graceMs: 2_000 }))
  return child
}

/** Waits for the first IPC message of the given type from a child, or rejects when the child exits first. */
export function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string; error?: string }) => {
      if (message.type === 'error') finish(() => reject(new Error(message.error ?? 'the child failed')))
      else if (message.type === type) finish(() => resolve(message as T))
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(() => reject(new Error(`the child exited (${signal ?? `exit ${code}`}) before sending "${type}"`)))
    const finish = (settle: () => void) => {
      child.off('message', onMessage)
      child.off('exit', onExit)
      settle()
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}
