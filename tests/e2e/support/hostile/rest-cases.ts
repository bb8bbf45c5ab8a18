// REST reads with hostile query strings, bad ids and malformed bodies, sent as an anonymous caller.
import type { HostileRequest } from './cases'
import type { Random } from './random'
import {
  encodeHostile,
  hostileJsonValue,
  hostileString,
  nestedArrayJson,
  nestedObjectJson,
  ODD_NUMBERS,
} from './values'

export const COLLECTIONS = [
  'terms',
  'use-cases',
  'faqs',
  'categories',
  'providers',
  'media',
  'users',
  'audit-log',
  'releases',
  'content-changes',
  'payload-jobs',
  'payload-preferences',
  'payload-locked-documents',
  'no-such-collection',
]

// Real fields, nested paths (rich text, arrays, groups, relationships), hidden auth fields and made-up ones.
const FIELDS = [
  'title',
  'slug',
  'definition',
  'analogy',
  'body',
  'body.root.children',
  'body.root.children.text',
  'body.root.children.0.children.0.text',
  'providerEquivalents.service',
  'providerEquivalents.provider.slug',
  'seo.title',
  'seeAlso.url',
  'relatedTerms.title',
  'category.slug',
  'aliases',
  'pendingRelatedTerms',
  'workflowStage',
  'assignee',
  'createdBy.email',
  'reviewNotes',
  '_status',
  'id',
  'updatedAt',
  'email',
  'password',
  'hash',
  'salt',
  'resetPasswordToken',
  'apiKey',
  'role',
  'nope',
  'a.b.c.d.e.f',
  '__proto__',
  'constructor.prototype',
  '$where',
  'title;select',
  'title[0]',
  '',
]

const OPERATORS = [
  'equals',
  'not_equals',
  'like',
  'not_like',
  'contains',
  'in',
  'not_in',
  'all',
  'exists',
  'near',
  'within',
  'intersects',
  'greater_than',
  'less_than_equal',
  'regex',
  '$regex',
  '$where',
  '$ne',
  'or',
  'and',
  'nope',
]

const NEAR_VALUES = ['0,0', '1,2,3,4', 'a,b', '999,999,1e9,0', '-200,100', ',', '1e309,0,0,0']

function whereClause(random: Random, prefix: string, depth: number): string[] {
  if (depth < 4 && random.chance(0.25)) {
    const joiner = random.pick(['and', 'or', 'AND', '$or'])
    return Array.from({ length: random.int(1, 3) }, (_, index) =>
      whereClause(random, `${prefix}[${joiner}][${random.pick([index, index, -1, 99_999, 'x'])}]`, depth + 1),
    ).flat()
  }
  const field = random.pick(FIELDS)
  const operator = random.pick(OPERATORS)
  const value =
    operator === 'near'
      ? random.pick(NEAR_VALUES)
      : operator === 'exists'
        ? random.pick(['true', 'false', 'maybe', ''])
        : hostileString(random)
  const key = `${prefix}[${field}][${operator}]`
  if (operator === 'in' || operator === 'not_in' || operator === 'all') {
    return Array.from({ length: random.int(1, 3) }, (_, index) => `${key}[${index}]=${encodeHostile(value)}`)
  }
  return [`${key}=${encodeHostile(value)}`]
}

function listParameters(random: Random): string[] {
  const parts: string[] = []
  if (random.chance(0.8)) parts.push(...whereClause(random, 'where', 0))
  // Large limit and depth values appear only on their own or with a small page, as a hostile caller would send them.
  if (random.chance(0.3)) parts.push(`limit=${encodeHostile(random.pick([...ODD_NUMBERS, '0', '100000', '-5']))}`)
  if (random.chance(0.3)) parts.push(`depth=${encodeHostile(random.pick([...ODD_NUMBERS, '3', '10', '99']))}`)
  if (random.chance(0.2)) parts.push(`page=${encodeHostile(random.pick([...ODD_NUMBERS, '99999999']))}`)
  if (random.chance(0.2))
    parts.push(
      `sort=${encodeHostile(random.pick(['-password', 'hash', 'salt', '-title,title', '$where', 'nope', 'body.root']))}`,
    )
  if (random.chance(0.15)) parts.push(`select[${random.pick(['hash', 'password', 'title', 'a.b'])}]=true`)
  if (random.chance(0.15)) parts.push(`draft=${random.pick(['true', '1', 'yes'])}`)
  if (random.chance(0.1)) parts.push(`locale=${encodeHostile(random.pick(['all', '*', '__proto__', 'x'.repeat(500)]))}`)
  if (random.chance(0.05)) parts.push(`joins=${encodeHostile(hostileString(random))}`)
  return parts
}

const BAD_IDS = [
  '0',
  '-1',
  'null',
  'undefined',
  '1%20OR%201=1',
  '%00',
  '..%2f..%2fusers',
  '%2e%2e',
  "'",
  '{"$ne":null}',
  'x'.repeat(2_000),
  '999999999999999999999',
  '1e3',
  '%E2%80%AE',
  '🚀',
  'me',
  'count',
  'versions',
  'init',
  'access',
]

export function restReadRequest(random: Random): HostileRequest {
  const collection = random.pick(COLLECTIONS)
  if (random.chance(0.2)) {
    const id = random.pick(BAD_IDS)
    const suffix = random.pick(['', '', '?draft=true', `?depth=${random.pick(ODD_NUMBERS)}`, '/..', '/%2e%2e/users'])
    return { method: 'GET', path: `/api/${collection}/${id}${suffix}` }
  }
  const endpoint = random.pick(['', '', '', '/count', '/versions'])
  return { method: 'GET', path: `/api/${collection}${endpoint}?${listParameters(random).join('&')}` }
}

/** Bodies that are not what the endpoint expects: broken JSON, wrong types, huge, deeply nested. */
export function hostileBody(random: Random): string {
  switch (random.int(0, 6)) {
    case 0:
      return random.pick([
        '{',
        '{"a":',
        '[',
        'null',
        '"',
        '{"title": "x",}',
        '\u0000',
        '{"a":1}{"b":2}',
        '{"__proto__":{"admin":true}}',
      ])
    case 1:
      return nestedObjectJson(random.pick([100, 2_000, 20_000]))
    case 2:
      return nestedArrayJson(random.pick([1_000, 50_000]))
    case 3:
      return JSON.stringify({ title: 'x'.repeat(random.chance(0.1) ? 1_500_000 : 100_000) })
    case 4:
      return JSON.stringify(
        Object.fromEntries(Array.from({ length: random.pick([100, 5_000]) }, (_, index) => [`field${index}`, index])),
      )
    default: {
      const fields = [
        'title',
        'definition',
        'email',
        'password',
        'category',
        'difficulty',
        'relatedTerms',
        '_status',
        'workflowStage',
        'role',
        'nope',
      ]
      return JSON.stringify(
        Object.fromEntries(fields.filter(() => random.chance(0.4)).map((field) => [field, hostileJsonValue(random)])),
      )
    }
  }
}

/** Posts and auth calls an anonymous caller may try; none of them may succeed in changing content. */
export function restBodyRequest(random: Random): HostileRequest {
  const path = random.pick([
    '/api/users/login',
    '/api/users/forgot-password',
    '/api/users/reset-password',
    '/api/users/first-register',
    '/api/users/refresh-token',
    '/api/users/verify/x',
    '/api/users',
    '/api/terms',
    '/api/faqs',
    '/api/categories',
    '/api/media',
    '/api/releases/1/publish',
    '/api/audit-log/export?format=jsonl',
    '/api/no-such-endpoint',
  ])
  return { method: 'POST', path, headers: { 'Content-Type': 'application/json' }, body: hostileBody(random) }
}
