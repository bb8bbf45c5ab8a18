// The Cloudlex server, not Next's, decides how long a kept-alive connection may sit idle: clients that reuse
// a connection a second after Node's default 5 s would otherwise have their request reset.
import { KEEP_ALIVE_TIMEOUT_MS } from '../../src/server/connection-timeouts'

import { expect, test } from './support/csp-watch'

test('the server keeps an idle connection open for as long as it tells the client', async ({ request }) => {
  const response = await request.get('/api/providers?limit=1')
  expect(response.status()).toBe(200)
  expect(response.headers()['keep-alive']).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`)
})
