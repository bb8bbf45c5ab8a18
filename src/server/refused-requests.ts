// What the server answers before Next sees a request: a request Node cannot parse, and a body refused
// for its size or type (./request-body-limits.ts). The connection is cut once the answer is out.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

import type { BodyRefusal } from './request-body-limits'

/** How long, and how much, of a refused body is let in and thrown away before the connection is cut. */
const REFUSED_BODY_LINGER = { ms: 3_000, bytes: 32 * 1024 * 1024 }

/** Throws away what a refused client still sends, within REFUSED_BODY_LINGER, then cuts the connection. */
function lingerThenCut(stream: NodeJS.ReadableStream, socket: Duplex): void {
  let discarded = 0
  const cutOff = () => socket.destroy()
  const timer = setTimeout(cutOff, REFUSED_BODY_LINGER.ms)
  timer.unref()
  stream.on('data', (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > REFUSED_BODY_LINGER.bytes) cutOff()
  })
  stream.once('close', () => clearTimeout(timer))
}

const answeredSockets = new WeakSet<Duplex>()

const UNPARSABLE_REQUEST_STATUS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
}

/**
 * Node's answer to a request it cannot parse (an address or headers over its size limit, a malformed
 * head), as Node sends it, but without destroying the socket at once: a client still writing a long
 * address would otherwise fail with EPIPE instead of reading the 431.
 */
export function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  // The parser keeps failing on every later chunk of the same request; the first failure answers.
  if (answeredSockets.has(socket)) return
  answeredSockets.add(socket)
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const status = UNPARSABLE_REQUEST_STATUS[error.code ?? ''] ?? '400 Bad Request'
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
  lingerThenCut(socket, socket)
}

export function refuseBody(req: IncomingMessage, res: ServerResponse, { status, message }: BodyRefusal): void {
  // The body is never parsed or kept. Closing the connection as soon as the refusal was written made a
  // client still uploading fail with EPIPE before it could read the refusal, so what it still sends is
  // discarded for a moment (as nginx's lingering close does), and a client that keeps sending is cut off.
  lingerThenCut(req, req.socket)
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify({ errors: [{ message }] }))
}
