// Hostile headers on ordinary requests: huge ones, malformed cookies, bad Authorization, spoofed proxy
// headers, odd Content-Types and Next's internal headers.
import type { HostileRequest } from './cases'
import type { Random } from './random'

const TARGETS: HostileRequest[] = [
  { method: 'GET', path: '/api/terms?limit=1' },
  { method: 'GET', path: '/api/users/me' },
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/search?q=iam' },
  { method: 'GET', path: '/admin' },
  { method: 'POST', path: '/api/graphql', body: '{"query":"{ Terms(limit: 1) { totalDocs } }"}' },
  { method: 'POST', path: '/api/users/login', body: '{"email":"nobody@example.com","password":"wrong-password"}' },
  { method: 'POST', path: '/api/terms', body: '{"title":"Anonymous"}' },
]

function hostileHeaders(random: Random): Record<string, string> {
  switch (random.int(0, 7)) {
    case 0:
      return { 'X-Padding': 'a'.repeat(random.pick([4_000, 12_000, 40_000])) }
    case 1:
      return {
        Cookie: random.pick([
          'payload-token=',
          'payload-token=not.a.jwt',
          'payload-token=eyJhbGciOiJub25lIn0.eyJpZCI6MSwiY29sbGVjdGlvbiI6InVzZXJzIiwicm9sZSI6ImFkbWluIn0.',
          'payload-token=%ZZ%',
          '=; ==; ;;;',
          Array.from({ length: 500 }, (_, index) => `c${index}=${index}`).join('; '),
          `payload-token=${'x'.repeat(6_000)}`,
          '__proto__=1; constructor=2',
        ]),
      }
    case 2:
      return {
        Authorization: random.pick([
          'JWT ',
          'JWT a.b.c',
          'JWT eyJhbGciOiJub25lIn0.eyJpZCI6MSwiY29sbGVjdGlvbiI6InVzZXJzIn0.',
          'Bearer x',
          'users API-Key ',
          'users API-Key ../../',
          'no-such-collection API-Key abc',
          'Basic Og==',
          `JWT ${'a'.repeat(8_000)}`,
          'JWT\tx',
        ]),
      }
    case 3:
      return {
        'X-Forwarded-For': random.pick([
          '127.0.0.1',
          '::1',
          '10.0.0.1, 127.0.0.1',
          'unknown',
          'garbage,,,',
          Array.from({ length: 300 }, (_, i) => `10.0.${i % 250}.1`).join(', '),
          '999.999.999.999',
        ]),
        'X-Real-IP': random.pick(['127.0.0.1', 'x']),
      }
    case 4:
      return {
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': random.pick(['javascript', 'https', 'x']),
        Forwarded: 'for=127.0.0.1;host=evil.example',
      }
    case 5:
      return {
        'Content-Type': random.pick([
          'application/json; charset=utf-7',
          'multipart/form-data',
          `multipart/form-data; boundary=${'-'.repeat(5_000)}a`,
          `multipart/form-data; boundary="${' '.repeat(2_000)}"`,
          'application/x-www-form-urlencoded',
          'text/xml',
          'application/json, text/plain',
          `application/json;${';'.repeat(3_000)}`,
          '../../',
        ]),
      }
    case 6:
      return {
        'x-middleware-subrequest': random.pick([
          'middleware',
          'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy',
          'proxy',
        ]),
        'x-middleware-prefetch': '1',
        'x-nextjs-data': '1',
      }
    default:
      return {
        'X-HTTP-Method-Override': 'DELETE',
        Accept: random.pick(['*/*;q=x', 'text/x-component', 'application/json'.repeat(200)]),
        RSC: '1',
        'Next-Router-State-Tree': '%7B',
      }
  }
}

export function headerRequest(random: Random): HostileRequest {
  const target = random.pick(TARGETS)
  const headers = { ...(target.body ? { 'Content-Type': 'application/json' } : {}), ...hostileHeaders(random) }
  return { ...target, headers }
}
