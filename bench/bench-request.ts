// One request the bench sends, and a single exchange of it over plain node:http: no Accept-Encoding and
// no decompression, so the bytes are the ones the load client receives.
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export type BenchRequest = {
  method: 'GET' | 'POST'
  /** Path and query, e.g. /terms/atlas-managed-gateway-1 */
  path: string
  headers?: Record<string, string>
  body?: string
}

/** What identifies a request to the ceiling server: the same path may carry different GraphQL bodies. */
export function requestKey(method: string, path: string, body: string): string {
  return `${method.toUpperCase()} ${path}\n${body}`
}

export type Exchange = {
  status: number
  /** Raw header pairs in the order the server sent them. */
  headers: [string, string][]
  body: Buffer
  /** Wall-clock time the request was sent (ms since the epoch), comparable across processes. */
  startedAtMs: number
  latencyMs: number
}

/** The current time in ms since the epoch, with sub-millisecond precision. */
export const epochNow = () => performance.timeOrigin + performance.now()

export function exchange(baseUrl: string, request: BenchRequest, timeoutMs = 60_000): Promise<Exchange> {
  const url = new URL(request.path, baseUrl)
  const body = request.body ?? ''
  return new Promise((resolve, reject) => {
    const startedAtMs = epochNow()
    const started = performance.now()
    const outgoing = http.request(
      url,
      {
        method: request.method,
        headers: { ...request.headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const raw = response.rawHeaders
          const headers: [string, string][] = []
          for (let index = 0; index + 1 < raw.length; index += 2) headers.push([raw[index]!, raw[index + 1]!])
          resolve({
            status: response.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks),
            startedAtMs,
            latencyMs: performance.now() - started,
          })
        })
      },
    )
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`${request.method} ${request.path}: no answer in ${timeoutMs / 1000} s`)),
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}
