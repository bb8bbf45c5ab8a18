// A real Redis for tests that need one: Debian's redis-server on a free loopback port, in a temporary
// folder of its own, with nothing persisted and the keyspace notifications the rendering cache needs.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from 'redis'

import { freePort } from './app-instance'

const READY_TIMEOUT_MS = 10_000

export type RedisServer = {
  url: string
  /** Stops the server and removes its folder; safe to call more than once. */
  stop: () => Promise<void>
}

function redisServerPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim()
  if (!found) {
    throw new Error(
      'These tests start a real Redis, and redis-server is not installed: apt-get install -y redis-server (.ci/run installs it).',
    )
  }
  return found
}

async function answersPing(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 500, reconnectStrategy: false } })
  client.on('error', () => {})
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    if (client.isOpen) await client.disconnect()
  }
}

export async function startRedisServer(): Promise<RedisServer> {
  const executable = redisServerPath()
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-redis-'))
  const port = await freePort()
  const child = spawn(
    executable,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      directory,
      '--save',
      '',
      '--appendonly',
      'no',
      '--notify-keyspace-events',
      'Exe',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const gone = () => child.exitCode !== null || child.signalCode !== null
  // Should the test process end without reaching the test's own clean-up, the server goes with it.
  const stopAtExit = () => {
    if (!gone()) child.kill('SIGKILL')
    fs.rmSync(directory, { recursive: true, force: true })
  }
  process.once('exit', stopAtExit)
  const stop = async () => {
    process.off('exit', stopAtExit)
    if (!gone()) {
      child.kill('SIGKILL')
      await exited
    }
    fs.rmSync(directory, { recursive: true, force: true })
  }
  const url = `redis://127.0.0.1:${port}`
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (!(await answersPing(url))) {
    if (gone() || Date.now() > deadline) {
      await stop()
      throw new Error(`redis-server did not answer on ${url}:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { url, stop }
}
