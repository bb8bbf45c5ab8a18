import { generatePayloadCookie } from 'payload/shared'
import { describe, expect, it } from 'vitest'

import { authCookies } from '@/access/auth-cookies'

/** The Set-Cookie header Payload writes at sign-in with these settings. */
const signInCookie = (settings: ReturnType<typeof authCookies>) =>
  generatePayloadCookie({
    collectionAuthConfig: { cookies: settings, tokenExpiration: 7200 } as Parameters<
      typeof generatePayloadCookie
    >[0]['collectionAuthConfig'],
    cookiePrefix: 'payload',
    token: 'token',
  })

describe('the sign-in cookie', () => {
  it('is Secure, HttpOnly and SameSite=Lax on a production server', () => {
    const cookie = signInCookie(authCookies({ production: true, serverUrl: 'http://127.0.0.1:3331' }))
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
  })

  it('is Secure on an https address even outside production', () => {
    expect(authCookies({ production: false, serverUrl: 'https://cloudlex.example' }).secure).toBe(true)
  })

  it('is not Secure under next dev on http, and still SameSite=Lax', () => {
    const cookie = signInCookie(authCookies({ production: false, serverUrl: 'http://localhost:3000' }))
    expect(cookie).not.toMatch(/Secure/)
    expect(cookie).toMatch(/; SameSite=Lax/)
  })
})
