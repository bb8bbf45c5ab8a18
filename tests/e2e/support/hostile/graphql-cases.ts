// GraphQL requests: broken envelopes, deep and wide queries, operator injection in where arguments.
import type { HostileRequest } from './cases'
import type { Random } from './random'
import { encodeHostile, hostileJsonValue, hostileString } from './values'

const LISTS = [
  'Terms',
  'UseCases',
  'Faqs',
  'Categories',
  'Providers',
  'Users',
  'AuditLogs',
  'Releases',
  'versionsTerms',
  'NoSuchThing',
]

function deepRelatedTerms(levels: number): string {
  let selection = 'title'
  for (let level = 0; level < levels; level++) selection = `title relatedTerms { ${selection} }`
  return `{ Terms(limit: 5) { docs { ${selection} } } }`
}

function manyAliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, index) => `a${index}: Terms(limit: 100) { totalDocs }`).join(' ')} }`
}

function whereQuery(random: Random): string {
  const field = random.pick(['title', 'slug', 'definition', 'workflowStage', '_status', 'body', 'nope'])
  const operator = random.pick(['equals', 'like', 'contains', 'in', 'exists', 'near', 'not_equals', 'regex'])
  const value = JSON.stringify(hostileString(random))
  const list = random.pick(LISTS)
  return `{ ${list}(where: { ${field}: { ${operator}: ${value} } }, limit: ${random.pick(['5', '0', '-1', '100000', '"x"'])}, draft: ${random.pick(['true', 'false'])}) { docs { id } totalDocs } }`
}

function queryText(random: Random): string {
  switch (random.int(0, 7)) {
    case 0:
      return deepRelatedTerms(random.pick([5, 15, 40]))
    case 1:
      return manyAliases(random.pick([20, 200, 2_000]))
    case 2:
      return '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }'
    case 3:
      return random.pick([
        '{',
        '}',
        'query {',
        '{ Terms { docs { id } }',
        '{ Terms(where: ) { docs { id } } }',
        'fragment A on Term { ...A } { Terms { docs { ...A } } }',
      ])
    case 4:
      return `{ Users { docs { email hash salt resetPasswordToken } } AuditLogs { docs { id } } }`
    case 5:
      return `{ ${'Terms { docs { id } } '.repeat(random.pick([2, 50]))}}`
    default:
      return whereQuery(random)
  }
}

export function graphqlRequest(random: Random): HostileRequest {
  const headers = { 'Content-Type': 'application/json' }
  switch (random.int(0, 5)) {
    case 0:
      return {
        method: 'POST',
        path: '/api/graphql',
        headers,
        body: random.pick([
          '{',
          '[]',
          'null',
          '{"query": 5}',
          '{"query": null}',
          '{"query": ["{ Terms { totalDocs } }"]}',
        ]),
      }
    case 1: {
      const batch = Array.from({ length: random.pick([2, 50]) }, () => ({ query: queryText(random) }))
      return { method: 'POST', path: '/api/graphql', headers, body: JSON.stringify(batch) }
    }
    case 2:
      return { method: 'GET', path: `/api/graphql?query=${encodeHostile(queryText(random))}` }
    case 3: {
      const variables = { id: hostileJsonValue(random), where: hostileJsonValue(random) }
      const query =
        'query Q($id: String!, $where: Term_where) { Term(id: $id) { title } Terms(where: $where) { totalDocs } }'
      return { method: 'POST', path: '/api/graphql', headers, body: JSON.stringify({ query, variables }) }
    }
    default:
      return { method: 'POST', path: '/api/graphql', headers, body: JSON.stringify({ query: queryText(random) }) }
  }
}
