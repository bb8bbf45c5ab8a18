// A webhook receiver on 127.0.0.1 for tests: it records every request it gets, and answers as the test
// tells it to (2xx, an error, a redirect, or never).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Received = { headers: IncomingHttpHeaders; body: string; at: number }
export type Answer = { status: number; location?: string } | 'hang'

export type Receiver = {
  url: string
  received: Received[]
  /** The answer to each next request, in turn; once used up, 204. */
  answers: Answer[]
  close: () => Promise<void>
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = []
  const answers: Answer[] = []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body, at: Date.now() })
      const answer = answers.shift() ?? { status: 204 }
      if (answer === 'hang') return
      response.writeHead(answer.status, answer.location ? { location: answer.location } : {})
      response.end(answer.status >= 400 ? 'receiver said no' : '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
