import { describe, expect, it } from 'vitest'

import { createNonce, HSTS_VALUE, pageContentSecurityPolicy, strictTransportSecurity } from '@/http/security-headers'

const directives = (policy: string) =>
  new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]))

describe('the pages’ Content Security Policy', () => {
  const production = directives(
    pageContentSecurityPolicy({ nonce: 'abc123', development: false, upgradeInsecureRequests: false }),
  )

  it('runs only scripts that carry the request’s nonce, and what they load', () => {
    expect(production.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"])
    expect(production.get('script-src')).not.toContain("'unsafe-inline'")
    expect(production.get('object-src')).toEqual(["'none'"])
    expect(production.get('base-uri')).toEqual(["'self'"])
  })

  it('lets only this origin frame a page (live preview) and receive its forms', () => {
    expect(production.get('frame-ancestors')).toEqual(["'self'"])
    expect(production.get('form-action')).toEqual(["'self'"])
  })

  it('allows eval only under next dev', () => {
    expect(production.get('script-src')).not.toContain("'unsafe-eval'")
    const development = directives(
      pageContentSecurityPolicy({ nonce: 'n', development: true, upgradeInsecureRequests: false }),
    )
    expect(development.get('script-src')).toContain("'unsafe-eval'")
  })

  it('upgrades insecure requests only when asked (an https site)', () => {
    expect(production.has('upgrade-insecure-requests')).toBe(false)
    const https = directives(
      pageContentSecurityPolicy({ nonce: 'n', development: false, upgradeInsecureRequests: true }),
    )
    expect(https.has('upgrade-insecure-requests')).toBe(true)
  })
})

describe('nonces', () => {
  it('are base64 of 128 random bits and never repeat', () => {
    const nonces = Array.from({ length: 1000 }, createNonce)
    expect(new Set(nonces).size).toBe(1000)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  })
})

describe('HSTS', () => {
  it('is sent by a production server whose public address is https', () => {
    expect(strictTransportSecurity({ serverUrl: 'https://cloudlex.example', production: true })).toBe(HSTS_VALUE)
    expect(HSTS_VALUE).toMatch(/^max-age=31536000$/)
  })

  it('is not sent over a plain-http address or by next dev', () => {
    expect(strictTransportSecurity({ serverUrl: 'http://127.0.0.1:3000', production: true })).toBeNull()
    expect(strictTransportSecurity({ serverUrl: 'https://cloudlex.example', production: false })).toBeNull()
  })
})
