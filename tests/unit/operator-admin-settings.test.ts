import { describe, expect, it } from 'vitest'

import { readOperatorAdmin } from '@/collections/Users/operator-admin-settings'

const SECRET = 'a-long-operator-secret'

describe('CLOUDLEX_ADMIN_EMAIL and CLOUDLEX_ADMIN_PASSWORD', () => {
  it('ask for nothing when neither is set', () => {
    expect(readOperatorAdmin({})).toBeNull()
    expect(readOperatorAdmin({ CLOUDLEX_ADMIN_EMAIL: ' ', CLOUDLEX_ADMIN_PASSWORD: '' })).toBeNull()
  })

  it('give the admin to create, with the address in lower case', () => {
    expect(readOperatorAdmin({ CLOUDLEX_ADMIN_EMAIL: ' Ops@Example.com ', CLOUDLEX_ADMIN_PASSWORD: SECRET })).toEqual({
      email: 'ops@example.com',
      password: SECRET,
    })
  })

  it('refuse one without the other', () => {
    expect(() => readOperatorAdmin({ CLOUDLEX_ADMIN_EMAIL: 'ops@example.com' })).toThrow(
      /Set both CLOUDLEX_ADMIN_EMAIL and CLOUDLEX_ADMIN_PASSWORD/,
    )
    expect(() => readOperatorAdmin({ CLOUDLEX_ADMIN_PASSWORD: SECRET })).toThrow(/Set both/)
  })

  it('refuse a password under 12 characters without repeating it', () => {
    const attempt = () =>
      readOperatorAdmin({ CLOUDLEX_ADMIN_EMAIL: 'ops@example.com', CLOUDLEX_ADMIN_PASSWORD: 'short-pw' })
    expect(attempt).toThrow(
      'CLOUDLEX_ADMIN_EMAIL / CLOUDLEX_ADMIN_PASSWORD: the password is shorter than 12 characters.',
    )
    expect(attempt).not.toThrow(/short-pw/)
  })

  it('refuse an address that is not an email', () => {
    expect(() => readOperatorAdmin({ CLOUDLEX_ADMIN_EMAIL: 'admin', CLOUDLEX_ADMIN_PASSWORD: SECRET })).toThrow(
      /"admin" is not an email address/,
    )
  })
})
