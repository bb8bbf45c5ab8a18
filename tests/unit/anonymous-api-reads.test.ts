import { describe, expect, it } from 'vitest'

import { isAnonymousRequest, isReadOnlyGraphqlDocument } from '@/site-cache/anonymous-api-reads'

describe('which GraphQL documents may be answered from the cache', () => {
  it('keeps queries, named or not, with fragments', () => {
    expect(isReadOnlyGraphqlDocument('{ Terms { docs { title } } }')).toBe(true)
    expect(isReadOnlyGraphqlDocument('query T($s: String) { Terms(where: { slug: { equals: $s } }) { docs { ...F } } } fragment F on Term { title }')).toBe(true)
  })

  it('never keeps a mutation or a subscription, alone or beside a query', () => {
    expect(isReadOnlyGraphqlDocument('mutation { loginUser(email: "a@b.c", password: "x") { token } }')).toBe(false)
    expect(isReadOnlyGraphqlDocument('query A { Terms { docs { title } } } mutation B { logoutUser }')).toBe(false)
    expect(isReadOnlyGraphqlDocument('subscription { changes }')).toBe(false)
  })

  it('leaves anything that does not parse to Payload, which names the error', () => {
    expect(isReadOnlyGraphqlDocument('{ Terms { docs { title }')).toBe(false)
    expect(isReadOnlyGraphqlDocument(undefined)).toBe(false)
    expect(isReadOnlyGraphqlDocument({ query: '{ a }' })).toBe(false)
  })
})

describe('who is anonymous', () => {
  it('is a caller with neither a session or preview cookie nor an Authorization header', () => {
    expect(isAnonymousRequest(new Headers())).toBe(true)
    expect(isAnonymousRequest(new Headers({ cookie: 'theme=dark' }))).toBe(true)
    expect(isAnonymousRequest(new Headers({ cookie: 'theme=dark; payload-token=abc' }))).toBe(false)
    expect(isAnonymousRequest(new Headers({ cookie: '__prerender_bypass=1' }))).toBe(false)
    expect(isAnonymousRequest(new Headers({ authorization: 'users API-Key 123' }))).toBe(false)
  })
})
