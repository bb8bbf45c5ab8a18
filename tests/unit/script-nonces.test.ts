import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { createNonceInjector } from '@/server/script-nonces'

function inject(chunks: (string | Buffer)[], nonce = 'abc'): string {
  const injector = createNonceInjector(nonce)
  return Buffer.concat([...chunks.map((chunk) => injector.push(chunk)), injector.end()]).toString()
}

describe('the nonce put on every script of a cached page', () => {
  it('adds the nonce to each opening script tag and nothing else', () => {
    const html =
      '<html><head><script>a()</script><script src="/x.js" async></script></head><p>&lt;script&gt;</p><scripts></scripts>'
    expect(inject([html])).toBe(
      '<html><head><script nonce="abc">a()</script><script nonce="abc" src="/x.js" async></script></head><p>&lt;script&gt;</p><scripts></scripts>',
    )
  })

  it('adds it to links too, so the browser may preload the scripts', () => {
    expect(inject(['<link rel="preload" as="script" href="/a.js"/><link/><linked>'])).toBe(
      '<link nonce="abc" rel="preload" as="script" href="/a.js"/><link nonce="abc"/><linked>',
    )
  })

  it('puts its nonce first, so one rendered into the page cannot win', () => {
    expect(inject(['<script nonce="old">x</script>'], 'new')).toBe('<script nonce="new" nonce="old">x</script>')
  })

  it('gives the same page whatever way the response is split into chunks, bytes or text, and passes other bytes through unchanged', () => {
    const page =
      '<head><link rel="preload"/><script>a</script></head><body>é ünïcode <script\nid="x">b</script><p>Script <b>x</b></p></body><script>'
    const whole = inject([page])
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: Buffer.byteLength(page) }), { maxLength: 6 }),
        fc.boolean(),
        (cuts, asBytes) => {
          const bytes = Buffer.from(page)
          const points = [...new Set(cuts)].sort((a, b) => a - b)
          const pieces = [0, ...points].map((start, index) => bytes.subarray(start, points[index] ?? bytes.length))
          const textPoints = points.map((point) => Math.min(point, page.length))
          const textPieces = [0, ...textPoints].map((start, index) =>
            page.slice(start, textPoints[index] ?? page.length),
          )
          const chunks = asBytes ? pieces : textPieces
          expect(inject(chunks)).toBe(whole)
        },
      ),
    )
    expect(whole.match(/<script nonce="abc"/g)).toHaveLength(3)
    expect(whole.replaceAll(' nonce="abc"', '')).toBe(page)
  })
})
