import { describe, expect, it } from 'vitest'

import { callerKindOf, defaultDepthFor, findCapViolation, REQUEST_CAPS } from '@/api-limits/request-caps'
import { measureWhere } from '@/api-limits/where-shape'

const anonymous = REQUEST_CAPS.anonymous
const staff = REQUEST_CAPS.staff
const apiKey = REQUEST_CAPS['api-key']

/** `{ and: [{ and: [ … { title: { equals: 'x' } } ] }] }`, `levels` groups deep. */
function nestedWhere(levels: number): Record<string, unknown> {
  let where: Record<string, unknown> = { title: { equals: 'x' } }
  for (let level = 0; level < levels; level += 1) where = { and: [where] }
  return where
}

describe('who a caller is', () => {
  it('tells anonymous callers, API keys and signed-in staff apart', () => {
    expect(callerKindOf(null)).toBe('anonymous')
    expect(callerKindOf({ id: '1', role: 'author', _strategy: 'api-key' })).toBe('api-key')
    expect(callerKindOf({ id: '1', role: 'author', _strategy: 'local-jwt' })).toBe('staff')
  })

  it('caps anonymous callers lowest', () => {
    for (const key of ['maxDepth', 'maxLimit', 'maxWhereConditions', 'graphQLMaxDepth'] as const) {
      expect(anonymous[key]).toBeLessThanOrEqual(apiKey[key])
      expect(apiKey[key]).toBeLessThanOrEqual(staff[key])
    }
  })
})

describe('request caps', () => {
  it('allow what the API documents for readers: depth 0–1, pages of up to 100', () => {
    expect(findCapViolation(anonymous, { depth: 1, limit: 100, page: 3 })).toBeNull()
    expect(findCapViolation(anonymous, {})).toBeNull()
  })

  it('refuse depth over the cap, naming the parameter and the cap', () => {
    expect(findCapViolation(anonymous, { depth: 3 })).toBe(
      'depth=3 is over the cap of 1 for anonymous callers; ask for depth 0–1.',
    )
    expect(findCapViolation(staff, { depth: 99 })).toBe('depth=99 is over the cap of 3 for staff; ask for depth 0–3.')
  })

  it('refuse depth, limit and page values that are not whole numbers in range', () => {
    expect(findCapViolation(anonymous, { depth: -1 })).toMatch(/^depth must be a whole number from 0 to 1/)
    expect(findCapViolation(anonymous, { limit: 'lots' })).toBe(
      'limit must be a whole number from 1 to 100; got "lots".',
    )
    expect(findCapViolation(anonymous, { limit: 2.5 })).toMatch(/^limit must be a whole number/)
    expect(findCapViolation(anonymous, { limit: 100_000 })).toMatch(
      /^limit=100000 is over the cap of 100 for anonymous callers/,
    )
    expect(findCapViolation(anonymous, { page: 0 })).toMatch(/^page must be a whole number from 1 to 1000/)
    expect(findCapViolation(anonymous, { page: 1e9 })).toMatch(/^page=1000000000 is over the cap of 1000/)
  })

  it('refuse everything-at-once reads for anonymous and API-key callers', () => {
    expect(findCapViolation(anonymous, { limit: 0 })).toMatch(
      /^limit=0 \(everything at once\) is not allowed for anonymous callers/,
    )
    expect(findCapViolation(apiKey, { pagination: false })).toMatch(
      /^pagination=false .* not allowed for API-key callers/,
    )
  })

  it('let staff read everything at once (the admin bulk actions do), but only shallowly', () => {
    expect(findCapViolation(staff, { limit: 0 })).toBeNull()
    expect(findCapViolation(staff, { pagination: false, depth: 1 })).toBeNull()
    expect(findCapViolation(staff, { limit: 0, depth: 2 })).toBe('limit=0 allows depth up to 1 for staff; got depth=2.')
    expect(defaultDepthFor(staff, { limit: 0 })).toBe(1)
    expect(defaultDepthFor(staff, { limit: 10 })).toBe(2)
    expect(defaultDepthFor(anonymous, {})).toBe(1)
  })

  it('refuse where trees that nest too deep, hold too many conditions or list too many values', () => {
    expect(findCapViolation(anonymous, { where: nestedWhere(3) })).toBeNull()
    expect(findCapViolation(anonymous, { where: nestedWhere(4) })).toBe(
      'where nests and/or more than 3 levels deep, the cap for anonymous callers.',
    )
    const many = { or: Array.from({ length: 21 }, (_, index) => ({ title: { equals: `t${index}` } })) }
    expect(findCapViolation(anonymous, { where: many })).toBe(
      'where has more than 20 conditions, the cap for anonymous callers.',
    )
    const ids = Array.from({ length: 101 }, (_, index) => `id${index}`)
    expect(findCapViolation(anonymous, { where: { id: { in: ids } } })).toMatch(
      /^where lists 101 values in one condition/,
    )
    expect(findCapViolation(anonymous, { where: { id: { in: ids.join(',') } } })).toMatch(/^where lists 101 values/)
  })

  it('refuse join parameters over the caps', () => {
    expect(findCapViolation(anonymous, { joins: { terms: { limit: 5 } } })).toBeNull()
    expect(findCapViolation(anonymous, { joins: { terms: { limit: 0 } } })).toMatch(/^joins\[terms\]\[limit\]=0/)
    expect(findCapViolation(anonymous, { joins: { terms: { limit: 5000 } } })).toMatch(
      /^joins\[terms\]\[limit\]=5000 is over the cap of 100/,
    )
    expect(findCapViolation(anonymous, { joins: { terms: { where: nestedWhere(9) } } })).toMatch(
      /^joins\[terms\]\[where\] nests/,
    )
    expect(findCapViolation(anonymous, { joins: false })).toBeNull()
  })
})

describe('measuring a where tree', () => {
  it('counts and/or levels, conditions and the longest list', () => {
    const where = {
      or: [{ and: [{ title: { like: 'a' } }, { slug: { in: ['a', 'b', 'c'] } }] }, { id: { exists: true } }],
    }
    expect(measureWhere(where, { nesting: 10, conditions: 10 })).toEqual({ nesting: 2, conditions: 3, longestList: 3 })
  })

  it('stops early on a hostile tree', () => {
    const shape = measureWhere(nestedWhere(10_000), { nesting: 3, conditions: 20 })
    expect(shape.nesting).toBe(4)
    expect(measureWhere({ a: { b: { c: { d: { e: { f: 1 } } } } } }, { nesting: 3, conditions: 20 }).nesting).toBe(
      Infinity,
    )
  })
})
