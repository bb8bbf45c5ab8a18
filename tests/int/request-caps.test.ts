// One request must not wedge the server: REST and GraphQL refuse depth, page sizes, pages, where trees,
// joins, query depth, aliases and batches over the caller's caps with a quick 400 naming the limit, and
// the largest request an anonymous caller may make on a glossary of a few hundred related terms stays small.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, Term } from '@/payload-types'

import {
  apiKeyAuthorization,
  callRest,
  errorMessages,
  postGraphql,
  signInAs,
  type ApiAnswer,
} from './support/api-routes'
import { createStaffUser, getTestPayload, STAFF_PASSWORD } from './support/harness'

const GLOSSARY_SIZE = 300
const RELATED_PER_TERM = 5
/** A refusal is decided before any database work. */
const QUICK_MS = 1000

let payload: Payload
let staff: string
let apiKey: string
const terms: Term[] = []
let useCaseId: string

/** A published glossary where every term links five others, like the seed but six times larger. */
async function createGlossary(category: Category): Promise<void> {
  const definition = 'A managed service that records and answers requests across regions. '.repeat(8)
  for (let index = 0; index < GLOSSARY_SIZE; index += 1) {
    const relatedTerms = terms.slice(-RELATED_PER_TERM).map((term) => term.id)
    terms.push(
      await payload.create({
        collection: 'terms',
        data: {
          title: `Term ${index}`,
          slug: `term-${index}`,
          definition,
          category: category.id,
          difficulty: 'beginner',
          relatedTerms,
          _status: 'published',
        },
      }),
    )
  }
}

beforeAll(async () => {
  payload = await getTestPayload()
  await createStaffUser(payload, 'admin')
  const editor = await createStaffUser(payload, 'editor')
  staff = await signInAs(payload, editor.email, STAFF_PASSWORD)
  const keyUser = await createStaffUser(payload, 'author')
  apiKey = apiKeyAuthorization('cloudlex-test-api-key-0001')
  await payload.update({
    collection: 'users',
    id: keyUser.id,
    data: { enableAPIKey: true, apiKey: 'cloudlex-test-api-key-0001' },
  })
  const category = await payload.create({ collection: 'categories', data: { name: 'Compute', slug: 'compute' } })
  await createGlossary(category)
  const useCase = await payload.create({
    collection: 'use-cases',
    data: { organization: 'Acme', scenario: 'S', solution: 'T', _status: 'published' },
  })
  useCaseId = useCase.id
  // The first GraphQL request builds the schema (about a second); timings below are of the checks alone.
  await postGraphql({ query: '{ __typename }' })
}, 600_000)

function expectRefusal(response: ApiAnswer, ...mentions: string[]): void {
  expect(response.status, JSON.stringify(response.json).slice(0, 600)).toBe(400)
  const message = errorMessages(response.json).join(' ')
  for (const mention of mentions) expect(message).toContain(mention)
  expect(response.milliseconds).toBeLessThan(QUICK_MS)
}

/** `{ and: [{ and: [ … ] }] }` as a JSON `where` parameter, `levels` deep. */
const deepWhere = (levels: number) =>
  encodeURIComponent(`${'{"and":['.repeat(levels)}{"title":{"equals":"x"}}${']}'.repeat(levels)}`)

describe('REST refuses anonymous requests over the caps', () => {
  it.each([
    ['depth=99', '/api/terms?depth=99', ['depth=99', 'cap of 1']],
    ['depth=3', '/api/terms?depth=3&limit=5', ['depth=3', 'cap of 1']],
    ['depth=2 on one term', () => `/api/terms/${terms[0]!.id}?depth=2`, ['depth=2', 'cap of 1']],
    ['depth=-1', '/api/terms?depth=-1', ['depth must be a whole number from 0 to 1']],
    ['limit=0', '/api/terms?limit=0&depth=1', ['limit=0', 'limit 1–100']],
    ['pagination=false', '/api/terms?pagination=false', ['pagination=false']],
    ['limit=100000', '/api/terms?limit=100000', ['limit=100000', 'cap of 100']],
    ['limit=abc', '/api/terms?limit=abc', ['limit must be a whole number from 1 to 100', 'abc']],
    ['page=-1', '/api/terms?page=-1', ['page must be a whole number from 1 to 1000']],
    ['page=1.5', '/api/terms?page=1.5', ['page must be a whole number']],
    ['page=99999999', '/api/terms?page=99999999', ['page=99999999', 'cap of 1000']],
    ['a where nested 40 levels deep', `/api/terms?where=${deepWhere(40)}`, ['where nests and/or more than 3 levels']],
    [
      'a where with 50 conditions',
      `/api/terms?${Array.from({ length: 50 }, (_, i) => `where[or][${i}][title][equals]=t${i}`).join('&')}`,
      ['more than 20 conditions'],
    ],
    ['a deep where on count', `/api/terms/count?where=${deepWhere(10)}`, ['where nests']],
    ['joins[terms][limit]=0', () => `/api/use-cases/${useCaseId}?joins[terms][limit]=0`, ['joins[terms][limit]=0']],
    ['joins[terms][limit]=5000', '/api/use-cases?joins[terms][limit]=5000', ['joins[terms][limit]=5000', 'cap of 100']],
  ])('%s', async (_label, path, mentions) => {
    expectRefusal(await callRest('GET', typeof path === 'function' ? path() : path), ...mentions)
  })
})

describe('REST caps for staff and API keys', () => {
  it('refuses staff depth=99 and limit=100000, and unpaginated reads deeper than depth 1', async () => {
    expectRefusal(await callRest('GET', '/api/terms?depth=99', { authorization: staff }), 'depth=99', 'cap of 3')
    expectRefusal(await callRest('GET', '/api/terms?limit=100000', { authorization: staff }), 'cap of 1000')
    expectRefusal(
      await callRest('GET', '/api/terms?limit=0&depth=2', { authorization: staff }),
      'limit=0 allows depth up to 1',
    )
    expectRefusal(await callRest('GET', '/api/terms/versions?depth=10', { authorization: staff }), 'depth=10')
  })

  it('lets staff make the requests the admin sends from the browser', async () => {
    const ids = terms.slice(0, 40).map((term) => term.id)
    for (const path of [
      `/api/terms?depth=0&limit=${ids.length}&where[id][in]=${ids.join(',')}`,
      '/api/terms?limit=0&select[id]=true',
      '/api/terms?depth=0&limit=10&page=2&sort=title&where[or][0][title][like]=term',
      `/api/terms/${terms[0]!.id}?depth=0&draft=true&locale=en`,
      '/api/terms/versions?depth=0&limit=10',
    ]) {
      const { status, json } = await callRest('GET', path, { authorization: staff })
      expect(status, `${path}: ${JSON.stringify(json).slice(0, 200)}`).toBe(200)
    }
    const everything = await callRest('GET', '/api/terms?limit=0', { authorization: staff })
    expect((everything.json.docs as Term[]).length).toBe(GLOSSARY_SIZE)
    // Unpaginated reads default to depth 1: related terms populated, as links with nothing populated of their own.
    const related = (everything.json.docs as Term[]).at(-1)!.relatedTerms as Term[]
    expect(Object.keys(related[0]!).sort()).toEqual(['id', 'slug', 'title'])
  })

  it('caps API-key callers between anonymous callers and staff', async () => {
    expect((await callRest('GET', '/api/terms?limit=200&depth=2', { authorization: apiKey })).status).toBe(200)
    expectRefusal(
      await callRest('GET', '/api/terms?limit=201', { authorization: apiKey }),
      'limit=201',
      'cap of 200 for API-key callers',
    )
    expectRefusal(await callRest('GET', '/api/terms?limit=0', { authorization: apiKey }), 'limit=0', 'API-key callers')
    expectRefusal(await callRest('GET', '/api/terms?depth=3', { authorization: apiKey }), 'depth=3', 'cap of 2')
  })
})

describe('the largest anonymous REST request', () => {
  it('stays under 2 MB and a few seconds on a glossary of 300 related terms', async () => {
    const largest = await callRest('GET', '/api/terms?limit=100&depth=1&page=2')
    expect(largest.status).toBe(200)
    expect((largest.json.docs as Term[]).length).toBe(100)
    expect(largest.bytes).toBeLessThan(2_000_000)
    expect(largest.milliseconds).toBeLessThan(10_000)
  })

  it('populates one level when no depth is given', async () => {
    const { json } = await callRest('GET', '/api/terms?limit=1&sort=-title')
    const related = (json.docs as Term[])[0]!.relatedTerms as Term[]
    expect(Object.keys(related[0]!).sort()).toEqual(['id', 'slug', 'title'])
  })

  it('populates one level only, even when asked for the related terms of related terms', async () => {
    const { json } = await callRest('GET', '/api/terms?limit=1&sort=-title&populate[terms][relatedTerms]=true')
    const related = (json.docs as Term[])[0]!.relatedTerms as Term[]
    expect(typeof related[0]!.relatedTerms![0]).toBe('string')
  })
})

describe('GraphQL refuses anonymous queries over the caps', () => {
  const nested = (levels: number) =>
    `{ Terms(limit: 1) { docs { ${'relatedTerms { '.repeat(levels)}title${' }'.repeat(levels)} } } }`

  it.each([
    ['a query nested too deep', { query: nested(6) }, ['Query depth limit of 5 exceeded']],
    [
      'many aliases',
      { query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: Terms(limit: 1) { docs { title } }`).join(' ')} }` },
      ['Aliases limit of 5 exceeded'],
    ],
    [
      'limit: 100000',
      { query: '{ Terms(limit: 100000) { docs { title } } }' },
      ['Terms: limit=100000 is over the cap of 100'],
    ],
    [
      'a limit in a variable',
      { query: 'query ($n: Int) { Terms(limit: $n) { docs { title } } }', variables: { n: 5000 } },
      ['limit=5000'],
    ],
    ['pagination: false', { query: '{ Terms(pagination: false) { docs { title } } }' }, ['pagination=false']],
    ['page: -1', { query: '{ Terms(page: -1) { docs { title } } }' }, ['page must be a whole number']],
    [
      'a join without a limit',
      { query: '{ UseCases(limit: 5) { docs { terms { docs { title } } } } }' },
      ['terms: limit=0'],
    ],
    ['rich text at depth 10', { query: '{ Faqs(limit: 1) { docs { answer(depth: 10) } } }' }, ['answer: depth=10']],
    [
      'a deep where',
      {
        query: `{ Terms(where: ${'{ AND: ['.repeat(8)}{ title: { equals: "x" } }${'] }'.repeat(8)}) { docs { title } } }`,
      },
      ['where nests'],
    ],
    [
      'many operations in one document',
      {
        query: Array.from({ length: 8 }, (_, i) => `query q${i} { Terms(limit: 1) { docs { title } } }`).join('\n'),
        operationName: 'q0',
      },
      ['at most 5 operations'],
    ],
  ])('%s', async (_label, body, mentions) => {
    expectRefusal(await postGraphql(body), ...mentions)
  })

  it('refuses a batch of operations in one request', async () => {
    const batch = Array.from({ length: 1000 }, () => ({ query: '{ Terms(limit: 100) { docs { title } } }' }))
    const response = await postGraphql(batch)
    expect(response.status).toBe(400)
    expect(errorMessages(response.json).join(' ')).toContain('Missing query')
    expect(response.milliseconds).toBeLessThan(QUICK_MS)
  })

  it('refuses before running anything for legacy application/json clients too (200 with errors, no data)', async () => {
    const response = await postGraphql(
      { query: '{ Terms(limit: 100000) { docs { title } } }' },
      { accept: 'application/json' },
    )
    expect(response.status).toBe(200)
    expect(response.json.data).toBeUndefined()
    expect(errorMessages(response.json).join(' ')).toContain('limit=100000 is over the cap of 100')
  })

  it('answers the largest allowed anonymous query in bounded size', async () => {
    const query = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: Terms(limit: 100, page: ${i + 1}) { docs { title definition relatedTerms { title relatedTerms { title definition } } } }`).join(' ')} }`
    const response = await postGraphql({ query })
    expect(response.status, errorMessages(response.json).join(' ')).toBe(200)
    expect(response.bytes).toBeLessThan(5_000_000)
  })
})

describe('GraphQL for staff', () => {
  it('allows deeper queries and bigger pages than anonymous callers get', async () => {
    const response = await postGraphql(
      {
        query:
          '{ Terms(limit: 500, draft: true) { docs { relatedTerms { relatedTerms { relatedTerms { title } } } } } }',
      },
      { authorization: staff },
    )
    expect(response.status, errorMessages(response.json).join(' ')).toBe(200)
    expect((response.json.data as { Terms: { docs: unknown[] } }).Terms.docs.length).toBe(GLOSSARY_SIZE)
  })

  it('still refuses a query nested deeper than its cap', async () => {
    const query = `{ Terms(limit: 1) { docs { ${'relatedTerms { '.repeat(6)}title${' }'.repeat(6)} } } }`
    expectRefusal(await postGraphql({ query }, { authorization: staff }), 'Query depth limit of 7 exceeded')
  })
})
