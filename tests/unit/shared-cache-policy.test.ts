import { describe, expect, it } from 'vitest'

import { readSharedCacheSettings, sharedCacheControl } from '@/server/shared-cache-policy'
import { hasSessionCookie } from '@/site-cache/session-cookies'

const settings = readSharedCacheSettings({})
const facts = {
  path: '/terms/x',
  status: 200,
  nextCacheControl: 's-maxage=31536000',
  cookieHeader: undefined,
  authorized: false,
}

describe('what shared caches may keep', () => {
  it('reads its lifetimes from the environment and names a bad one', () => {
    expect(readSharedCacheSettings({ CLOUDLEX_SHARED_CACHE_SECONDS: '5' }).sharedMaxAgeSeconds).toBe(5)
    expect(() => readSharedCacheSettings({ CLOUDLEX_STALE_IF_ERROR_SECONDS: 'a day' })).toThrow(
      'CLOUDLEX_STALE_IF_ERROR_SECONDS must be a whole number of seconds, not "a day".',
    )
  })

  it('keeps Next’s rule for what Next does not cache, and for its static files', () => {
    expect(
      sharedCacheControl(
        { ...facts, nextCacheControl: 'private, no-cache, no-store, max-age=0, must-revalidate' },
        settings,
      ),
    ).toBeNull()
    expect(sharedCacheControl({ ...facts, status: 404 }, settings)).toBeNull()
    expect(sharedCacheControl({ ...facts, path: '/_next/static/chunks/a.js' }, settings)).toBeNull()
  })

  it('tells a session cookie from one that only shares part of its name', () => {
    expect(hasSessionCookie('payload-token=a')).toBe(true)
    expect(hasSessionCookie('theme=dark; __prerender_bypass=1')).toBe(true)
    expect(hasSessionCookie('my-payload-token=a; payload-token-x=b')).toBe(false)
    expect(sharedCacheControl({ ...facts, cookieHeader: 'theme=dark' }, settings)).toMatch(/^public, /)
  })
})
