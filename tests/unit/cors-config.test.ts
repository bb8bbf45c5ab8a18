import { describe, expect, it } from 'vitest'

import { readCorsConfig } from '@/cross-origin/cors-config'

describe('readCorsConfig', () => {
  it('grants no origin when CLOUDLEX_CORS_ORIGINS is unset or blank', () => {
    expect(readCorsConfig({})).toBeUndefined()
    expect(readCorsConfig({ CLOUDLEX_CORS_ORIGINS: '  ' })).toBeUndefined()
  })

  it('lists the origins and lets them send If-Match and If-None-Match', () => {
    expect(readCorsConfig({ CLOUDLEX_CORS_ORIGINS: 'https://a.example, http://localhost:5173' })).toEqual({
      origins: ['https://a.example', 'http://localhost:5173'],
      headers: ['If-Match', 'If-None-Match'],
    })
    expect(readCorsConfig({ CLOUDLEX_CORS_ORIGINS: '*' })?.origins).toBe('*')
  })

  it('refuses an entry that is not an origin, saying how to write one', () => {
    for (const wrong of ['https://a.example/', 'a.example', 'https://a.example/app', 'ftp://a.example']) {
      expect(() => readCorsConfig({ CLOUDLEX_CORS_ORIGINS: wrong })).toThrow(
        /is not an origin; write it as https:\/\/app\.example\.com/,
      )
    }
  })
})
