import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'

import { hasValidPercentEncoding } from '@/lib/path-encoding'
import { proxy } from '@/proxy'

describe('site paths with invalid percent-encoding', () => {
  it.each(['/providers/%c0%ae%c0%ae%2f', '/terms/%ED%A0%80', '/terms/%E0%A4%A', '/terms/%'])('answers %s with 400 and a message', async (path) => {
    const response = proxy(new NextRequest(`http://localhost${path}`))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await response.text()).toMatch(/percent-escape .* not valid UTF-8/)
  })

  it.each(['/terms/cloudtrail', '/search?q=%25', '/terms/caf%C3%A9', '/providers/aws%2Fx'])('passes %s on to the site', (path) => {
    const response = proxy(new NextRequest(`http://localhost${path}`))
    expect(response.status).toBe(200)
    expect(response.headers.get('x-middleware-next')).toBe('1')
  })

  it('tells valid UTF-8 escapes from invalid ones', () => {
    expect(hasValidPercentEncoding('/terms/%F0%9F%9A%80')).toBe(true)
    expect(hasValidPercentEncoding('/terms/%ff')).toBe(false)
  })
})
