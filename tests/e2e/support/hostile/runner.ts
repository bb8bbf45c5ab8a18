// Sends the corpus with bounded concurrency; every request has a timeout, the run has a time budget, and
// the run stops early when the server stops answering altogether.
import type { Actor, HostileCase } from './cases'
import { checkResponse, type ObservedResponse } from './checks'

export interface RunOptions {
  baseURL: string
  tokens: Record<Exclude<Actor, 'anonymous'>, string>
  concurrency: number
  requestTimeoutMs: number
  budgetMs: number
  /** Called every `verifyEvery` cases and at the end; returns the targets that changed since the start. */
  verifyTargets: () => Promise<string[]>
  verifyEvery: number
}

export interface Failure {
  hostileCase: HostileCase
  problem: string
}

export interface RunResult {
  run: number
  statusClasses: Record<string, number>
  serverErrors: number
  hangs: number
  connectionErrors: number
  failures: Failure[]
  changedTargets: Map<string, number[]>
  stoppedBecause: string | null
  /** Requests still waiting for an answer when the first one hung: the likely cause of a stalled server. */
  inFlightAtFirstHang: HostileCase[]
  durationMs: number
}

const BODY_CAP = 256 * 1024

async function readStart(response: Response): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (size < BODY_CAP) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
  }
  await reader.cancel().catch(() => undefined)
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, BODY_CAP))
}

type Sent = { kind: 'answered'; response: ObservedResponse } | { kind: 'hang' } | { kind: 'error'; message: string }

async function send(hostileCase: HostileCase, options: RunOptions): Promise<Sent> {
  const { request, actor } = hostileCase
  const headers: Record<string, string> = { ...request.headers }
  if (actor !== 'anonymous') headers.Authorization = `JWT ${options.tokens[actor]}`
  try {
    // Joined as text: new URL('//evil.example/x', base) would leave the server under test.
    const response = await fetch(`${options.baseURL.replace(/\/$/, '')}${request.path}`, {
      method: request.method,
      headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.requestTimeoutMs),
    })
    const observed: ObservedResponse = {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      location: response.headers.get('location'),
      bodyStart: await readStart(response),
    }
    return { kind: 'answered', response: observed }
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
      return { kind: 'hang' }
    return {
      kind: 'error',
      message:
        error instanceof Error
          ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`
          : String(error),
    }
  }
}

async function serverAnswers(baseURL: string): Promise<boolean> {
  try {
    const probe = await fetch(new URL('/api/providers?limit=1', baseURL), { signal: AbortSignal.timeout(10_000) })
    return probe.status < 500
  } catch {
    return false
  }
}

export async function runCorpus(corpus: HostileCase[], options: RunOptions): Promise<RunResult> {
  const started = Date.now()
  const result: RunResult = {
    run: 0,
    statusClasses: {},
    serverErrors: 0,
    hangs: 0,
    connectionErrors: 0,
    failures: [],
    changedTargets: new Map(),
    stoppedBecause: null,
    inFlightAtFirstHang: [],
    durationMs: 0,
  }
  const writesSinceCheck: HostileCase[] = []
  const inFlight = new Set<HostileCase>()
  let next = 0
  let consecutiveHangs = 0

  const verify = async () => {
    for (const target of await options.verifyTargets()) {
      const culprits = writesSinceCheck.filter((c) => c.targets?.includes(target)).map((c) => c.id)
      if (!result.changedTargets.has(target)) result.changedTargets.set(target, culprits)
    }
    writesSinceCheck.length = 0
  }

  const worker = async () => {
    while (next < corpus.length && result.stoppedBecause === null) {
      if (Date.now() - started > options.budgetMs) {
        result.stoppedBecause = `time budget of ${options.budgetMs / 1000} s used up`
        break
      }
      const hostileCase = corpus[next++]!
      inFlight.add(hostileCase)
      const sent = await send(hostileCase, options)
      inFlight.delete(hostileCase)
      result.run++
      if (hostileCase.targets) writesSinceCheck.push(hostileCase)
      if (sent.kind === 'hang') {
        if (result.hangs++ === 0) result.inFlightAtFirstHang = [hostileCase, ...inFlight].sort((a, b) => a.id - b.id)
        result.failures.push({ hostileCase, problem: `no answer within ${options.requestTimeoutMs / 1000} s` })
        if (++consecutiveHangs >= options.concurrency * 2 && !(await serverAnswers(options.baseURL))) {
          result.stoppedBecause = `the server stopped answering after case ${hostileCase.id}`
        }
        continue
      }
      consecutiveHangs = 0
      if (sent.kind === 'error') {
        result.connectionErrors++
        result.failures.push({ hostileCase, problem: `connection error: ${sent.message}` })
        continue
      }
      const statusClass = `${Math.floor(sent.response.status / 100)}xx`
      result.statusClasses[statusClass] = (result.statusClasses[statusClass] ?? 0) + 1
      if (sent.response.status >= 500) result.serverErrors++
      const outcome = checkResponse(hostileCase, sent.response, options.baseURL)
      if (!outcome.ok) result.failures.push({ hostileCase, problem: outcome.problem })
      if (result.run % options.verifyEvery === 0) await verify()
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, worker))
  if (result.stoppedBecause === null || (await serverAnswers(options.baseURL))) await verify()
  result.durationMs = Date.now() - started
  return result
}
