// What the ceiling server replays: each request's response fetched once from the app (status, headers,
// body bytes), and the page sizes the report shows come from the same recording.
import { exchange, requestKey, type BenchRequest } from './bench-request'

export type RecordedResponse = { key: string; status: number; headers: [string, string][]; bodyBase64: string }

export type CeilingStart = { recordings: RecordedResponse[]; port: number }
export type CeilingMessage = { type: 'listening'; port: number } | { type: 'error'; error: string }

/** Headers that describe one connection or one moment, not the response: the ceiling sets its own. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length'])

export function replayableHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.filter(([name]) => !CONNECTION_HEADERS.has(name.toLowerCase()))
}

/** Why an answer is not one a reader wanted: not 2xx, or GraphQL's 200 that carries errors instead of data. */
export function answerProblem(status: number, contentType: string | undefined, body: string): string | undefined {
  if (status < 200 || status >= 300) return `answered ${status}`
  if (!contentType?.includes('json')) return undefined
  try {
    const parsed = JSON.parse(body) as { errors?: unknown }
    return parsed.errors ? `answered ${status} with errors` : undefined
  } catch {
    return `answered ${status} with JSON that does not parse`
  }
}

export type Recording = { responses: RecordedResponse[]; bodyBytes: Map<string, number>; failures: string[] }

/** Fetches every distinct request once (which also warms the app's caches) and keeps what came back. */
export async function recordResponses(baseUrl: string, requests: readonly BenchRequest[]): Promise<Recording> {
  const responses = new Map<string, RecordedResponse>()
  const bodyBytes = new Map<string, number>()
  const failures: string[] = []
  for (const request of requests) {
    const key = requestKey(request.method, request.path, request.body ?? '')
    if (responses.has(key)) continue
    const answer = await exchange(baseUrl, request)
    const contentType = answer.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1]
    const problem = answerProblem(answer.status, contentType, answer.body.toString())
    if (problem) failures.push(`${request.method} ${request.path} ${problem}: ${answer.body.toString().slice(0, 300)}`)
    responses.set(key, {
      key,
      status: answer.status,
      headers: replayableHeaders(answer.headers),
      bodyBase64: answer.body.toString('base64'),
    })
    bodyBytes.set(key, answer.body.length)
  }
  return { responses: [...responses.values()], bodyBytes, failures }
}

/** The mean body size of a set of requests, from the recording. */
export function meanBodyBytes(recording: Recording, requests: readonly BenchRequest[]): number {
  const sizes = requests.map(
    (request) => recording.bodyBytes.get(requestKey(request.method, request.path, request.body ?? '')) ?? 0,
  )
  return sizes.length === 0 ? 0 : sizes.reduce((sum, size) => sum + size, 0) / sizes.length
}
