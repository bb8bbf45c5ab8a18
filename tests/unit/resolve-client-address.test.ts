// The client's address as the Cloudlex server works it out: the socket, unless the socket is a proxy the
// operator trusts; and the one header the app reads it from.
import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { CLIENT_ADDRESS_HEADER, clientAddressOf } from '@/http/client-address-header'
import { parseTrustedProxies, resolveClientAddress } from '@/server/resolve-client-address'

function request(
  socketAddress: string | undefined,
  forwardedFor?: string,
): Pick<IncomingMessage, 'headers' | 'socket'> {
  return {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    socket: { remoteAddress: socketAddress } as IncomingMessage['socket'],
  }
}

describe('resolveClientAddress', () => {
  it('ignores a spoofed X-Forwarded-For when no proxy is trusted', () => {
    const address = resolveClientAddress(request('198.51.100.7', '203.0.113.9'), parseTrustedProxies(undefined))
    expect(address).toBe('198.51.100.7')
  })

  it('honours X-Forwarded-For from a trusted proxy', () => {
    const address = resolveClientAddress(request('127.0.0.1', '203.0.113.9'), parseTrustedProxies('loopback'))
    expect(address).toBe('203.0.113.9')
  })

  it('stops at the first hop it does not trust, so a client cannot prepend addresses', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, loopback')
    const address = resolveClientAddress(request('127.0.0.1', '192.0.2.1, 198.51.100.20, 10.1.2.3'), trusted)
    expect(address).toBe('198.51.100.20')
  })

  it('ignores X-Forwarded-For from a socket outside the trusted list', () => {
    const address = resolveClientAddress(request('198.51.100.7', '203.0.113.9'), parseTrustedProxies('10.0.0.0/8'))
    expect(address).toBe('198.51.100.7')
  })

  it('reports IPv4 clients of a dual-stack socket without the ::ffff: prefix', () => {
    expect(resolveClientAddress(request('::ffff:203.0.113.9'), parseTrustedProxies(''))).toBe('203.0.113.9')
    expect(resolveClientAddress(request('2001:db8::1'), parseTrustedProxies(''))).toBe('2001:db8::1')
  })

  it('has no address once the socket is gone', () => {
    expect(resolveClientAddress(request(undefined, '203.0.113.9'), parseTrustedProxies('loopback'))).toBeUndefined()
  })

  it('refuses a TRUSTED_PROXIES entry that is not an address, naming the variable', () => {
    expect(() => parseTrustedProxies('loopback, proxy.example.com')).toThrow(/TRUSTED_PROXIES: .*proxy\.example\.com/)
  })
})

describe('clientAddressOf', () => {
  it('reads only the header the server sets, never X-Forwarded-For or X-Real-IP', () => {
    expect(
      clientAddressOf(new Headers({ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10' })),
    ).toBeUndefined()
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: ' 198.51.100.7 ' }))).toBe('198.51.100.7')
  })

  it('clips a value no address could have', () => {
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: 'x'.repeat(500) }))?.length).toBe(64)
  })
})
