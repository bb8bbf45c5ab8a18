import { describe, expect, it } from 'vitest'

import { readPayloadSecret } from '@/config/env'

describe('PAYLOAD_SECRET', () => {
  it('is required, with a message that says how to get one', () => {
    expect(() => readPayloadSecret({ NODE_ENV: 'development' })).toThrow(/npm run setup/)
  })

  it('must be long in production', () => {
    expect(() => readPayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(/32 characters/)
    const long = 'x'.repeat(32)
    expect(readPayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: long })).toBe(long)
  })
})
