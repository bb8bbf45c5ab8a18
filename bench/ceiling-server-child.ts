// The ceiling: a plain node:http server in its own process answering each recorded request with the
// app's recorded status, headers and bytes from memory. Started by ceiling-server.ts over IPC.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { requestKey } from './bench-request'
import type { CeilingMessage, CeilingStart, RecordedResponse } from './ceiling-recording'

type Reply = { status: number; flatHeaders: string[]; body: Buffer }

function toReply(recording: RecordedResponse): Reply {
  const body = Buffer.from(recording.bodyBase64, 'base64')
  const headers = [...recording.headers, ['content-length', String(body.length)]]
  return { status: recording.status, flatHeaders: headers.flat(), body }
}

function serve(start: CeilingStart): void {
  const replies = new Map(start.recordings.map((recording) => [recording.key, toReply(recording)]))
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const reply = replies.get(
        requestKey(request.method ?? 'GET', request.url ?? '/', Buffer.concat(chunks).toString()),
      )
      if (!reply) {
        response
          .writeHead(404, { 'content-type': 'text/plain' })
          .end('The ceiling server has no recording of this request.')
        return
      }
      response.writeHead(reply.status, reply.flatHeaders).end(reply.body)
    })
  })
  server.keepAliveTimeout = 60_000
  server.listen(start.port, '127.0.0.1', () => {
    process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port } satisfies CeilingMessage)
  })
  server.on('error', (error) => process.send?.({ type: 'error', error: error.message } satisfies CeilingMessage))
}

process.on('disconnect', () => process.exit(0))
process.once('message', (message: CeilingStart) => serve(message))
