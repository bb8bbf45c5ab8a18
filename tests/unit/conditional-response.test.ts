import { describe, expect, it } from 'vitest'

import {
  conditionalResponse,
  etagOf,
  matchesIfNoneMatch,
  SHARED_CACHE_CONTROL,
  weakEtagOf,
} from '@/http/conditional-response'

const get = (headers: Record<string, string> = {}) => new Request('https://cloudlex.test/feed.xml', { headers })

describe('ETags', () => {
  it('are the same for the same bytes and differ for others', () => {
    expect(etagOf('<feed/>')).toBe(etagOf('<feed/>'))
    expect(etagOf('<feed/>')).not.toBe(etagOf('<feed />'))
    expect(etagOf('<feed/>')).toMatch(/^"[A-Za-z0-9_-]{32}"$/)
    expect(weakEtagOf('v1')).toBe(`W/${etagOf('v1')}`)
  })

  it('match If-None-Match by weak comparison, in a list, or as "*"', () => {
    const tag = etagOf('body')
    expect(matchesIfNoneMatch(tag, tag)).toBe(true)
    expect(matchesIfNoneMatch(`W/${tag}`, tag)).toBe(true)
    expect(matchesIfNoneMatch(`"other", ${tag}`, tag)).toBe(true)
    expect(matchesIfNoneMatch('*', tag)).toBe(true)
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false)
    expect(matchesIfNoneMatch(null, tag)).toBe(false)
  })
})

describe('a conditional answer', () => {
  const version = { etag: etagOf('<feed/>'), body: () => '<feed/>' }
  const headers = { 'content-type': 'application/atom+xml; charset=utf-8' }

  it('sends the body with its ETag and a shared-cache policy', async () => {
    const response = conditionalResponse(get(), version, headers)
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBe(version.etag)
    expect(response.headers.get('cache-control')).toBe(SHARED_CACHE_CONTROL)
    expect(await response.text()).toBe('<feed/>')
  })

  it('answers 304 with no body, without producing it, when the client holds that version', async () => {
    let produced = false
    const response = conditionalResponse(
      get({ 'if-none-match': version.etag }),
      { etag: version.etag, body: () => ((produced = true), '<feed/>') },
      headers,
    )
    expect(response.status).toBe(304)
    expect(response.headers.get('etag')).toBe(version.etag)
    expect(response.headers.get('content-type')).toBeNull()
    expect(await response.text()).toBe('')
    expect(produced).toBe(false)
  })
})
