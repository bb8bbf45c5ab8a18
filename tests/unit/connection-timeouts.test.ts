import { Agent, createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { applyConnectionTimeouts, KEEP_ALIVE_TIMEOUT_MS } from '@/server/connection-timeouts'

const NODE_DEFAULT_KEEP_ALIVE_MS = 5_000

let server: Server | undefined
let agent: Agent | undefined

afterEach(async () => {
  agent?.destroy()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

type Answer = { status: number; keepAlive: string; reusedSocket: boolean }

function get(port: number, via: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/', agent: via }, (response) => {
      response.resume()
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          keepAlive: String(response.headers['keep-alive']),
          reusedSocket: outgoing.reusedSocket,
        }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

describe('connections kept alive by the server', () => {
  it('stay open past Node’s default idle time, and the server says how long it keeps them', async () => {
    server = createServer((_req, res) => res.end('ok'))
    applyConnectionTimeouts(server)
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    agent = new Agent({ keepAlive: true, maxSockets: 1 })

    const first = await get(port, agent)
    expect(first).toEqual({ status: 200, keepAlive: `timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`, reusedSocket: false })
    await new Promise((resolve) => setTimeout(resolve, NODE_DEFAULT_KEEP_ALIVE_MS + 700))
    const second = await get(port, agent)
    expect(second.status).toBe(200)
    expect(second.reusedSocket, 'the second request went over the first one’s connection').toBe(true)
  }, 15_000)
})
