// Requests sent to a server while it is being stopped, each on a connection of its own, and what became
// of each: answered in full, refused (the server no longer listened), dropped before the server read it,
// or cut after it was taken. A connection per request makes the difference visible: a kept-alive
// connection the server closes between two requests looks, to the client, like a request cut short.
import { request as httpRequest } from 'node:http'

export type StreamRequest = {
  kind: 'read' | 'write'
  method: 'GET' | 'POST' | 'PATCH'
  path: string
  headers?: Record<string, string>
  body?: unknown
}

export type RequestFate = 'answered' | 'refused' | 'dropped' | 'cut'

export type RequestOutcome = {
  request: StreamRequest
  fate: RequestFate
  status: number | null
  body: string
  /** When the request was written in full and when its answer ended (or it failed), by performance.now(). */
  sentAt: number | null
  endedAt: number
  error: string | null
}

/** A request fully sent this long before the stop counts as taken by the server. */
const TAKEN_MARGIN_MS = 20

/** Sends one request on a fresh connection; never rejects. */
export function sendOnItsOwnConnection(baseURL: string, request: StreamRequest): Promise<RequestOutcome> {
  return new Promise((resolve) => {
    const url = new URL(request.path, baseURL)
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body)
    const headers = { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...request.headers }
    let sentAt: number | null = null
    const settle = (fate: RequestFate, status: number | null, body: string, error: string | null) =>
      resolve({ request, fate, status, body, sentAt, endedAt: performance.now(), error })
    const outgoing = httpRequest(url, { method: request.method, headers, agent: false }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('error', (error) => settle('cut', response.statusCode ?? null, body, error.message))
      response.on('close', () =>
        settle(response.complete ? 'answered' : 'cut', response.statusCode ?? null, body, null),
      )
    })
    outgoing.on('finish', () => (sentAt = performance.now()))
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') settle('refused', null, '', error.code)
      else settle('dropped', null, '', error.code ?? error.message)
    })
    outgoing.end(payload)
  })
}

/**
 * Whether an outcome is a failure of the stop: an answer that is a 5xx or was cut off, or a request the
 * server had taken (sent before the stop) and never answered. A request dropped after the stop began
 * was not taken: to the client it is the same as a refused connection.
 */
export function failedAcrossStop(outcome: RequestOutcome, stopSentAt: number): boolean {
  if (outcome.fate === 'cut') return true
  if (outcome.fate === 'answered') return (outcome.status ?? 0) >= 500
  if (outcome.fate === 'dropped') return outcome.sentAt !== null && outcome.sentAt < stopSentAt - TAKEN_MARGIN_MS
  return false
}

/** Requests taken before the stop and still unanswered when it was sent. */
export function inFlightAtStop(outcomes: RequestOutcome[], stopSentAt: number): RequestOutcome[] {
  return outcomes.filter(
    (outcome) =>
      outcome.sentAt !== null && outcome.sentAt < stopSentAt - TAKEN_MARGIN_MS && outcome.endedAt > stopSentAt,
  )
}

/**
 * Runs `workers` loops that each send the next request of `next` (given the outcome of their previous
 * one) until `keepGoing` says no; resolves with every outcome.
 */
export async function streamRequests(
  baseURL: string,
  workers: number,
  next: (worker: number, previous: RequestOutcome | null) => StreamRequest,
  keepGoing: () => boolean,
): Promise<RequestOutcome[]> {
  const outcomes: RequestOutcome[] = []
  const loop = async (worker: number) => {
    let previous: RequestOutcome | null = null
    while (keepGoing()) {
      previous = await sendOnItsOwnConnection(baseURL, next(worker, previous))
      outcomes.push(previous)
      // A stopped server refuses at once: no point in spinning on it.
      if (previous.fate === 'refused') await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker)))
  return outcomes
}
