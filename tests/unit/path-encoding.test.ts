import { describe, expect, it } from 'vitest'

import { hasValidPercentEncoding } from '@/routes/path-encoding'

describe('site paths with invalid percent-encoding', () => {
  it('tells valid UTF-8 escapes from invalid ones', () => {
    expect(hasValidPercentEncoding('/terms/%F0%9F%9A%80')).toBe(true)
    expect(hasValidPercentEncoding('/terms/%ff')).toBe(false)
  })
})
