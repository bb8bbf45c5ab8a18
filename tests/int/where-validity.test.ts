// A `where` the database cannot answer is refused with a 400 naming the path, the operator and why, before
// the query runs; before this check each request below answered 500 from inside the SQLite adapter.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { callGraphql, callRest, errorMessage, errorMessages, signInAs, type ApiAnswer } from './support/api-routes'
import { createStaffUser, getTestPayload, STAFF_PASSWORD } from './support/harness'

let payload: Payload
let staff: string
let admin: string

beforeAll(async () => {
  payload = await getTestPayload()
  const adminUser = await createStaffUser(payload, 'admin')
  admin = await signInAs(payload, adminUser.email, STAFF_PASSWORD)
  const editor = await createStaffUser(payload, 'editor')
  staff = await signInAs(payload, editor.email, STAFF_PASSWORD)
  const category = await payload.create({ collection: 'categories', data: { name: 'Compute', slug: 'compute' } })
  await payload.create({
    collection: 'terms',
    data: {
      title: 'Autoscaling',
      slug: 'autoscaling',
      definition: 'Adds servers.',
      category: category.id,
      difficulty: 'beginner',
      _status: 'published',
    },
  })
}, 120_000)

function expectRefusal(answer: ApiAnswer, message: string): void {
  expect(answer.status, JSON.stringify(answer.json).slice(0, 400)).toBe(400)
  expect(errorMessage(answer)).toContain(message)
}

const HOSTILE_WHERES: [string, string][] = [
  [
    '/api/categories?where[updatedAt][within]=xxxx',
    'where[updatedAt][within]: within works only on point fields; this is a date field.',
  ],
  ['/api/media/count?where[id][within]=aaaa', 'where[id][within]: within works only on point fields'],
  [
    '/api/media/count?where[updatedAt][near]=a%2Cb&limit=Infinity&draft=true',
    'where[updatedAt][near]: near works only on point fields',
  ],
  ['/api/media/count?where[updatedAt][not_equals]=s3xxxx', 'where[updatedAt][not_equals]: "s3xxxx" is not a date.'],
  ['/api/media?where[id][intersects]=.*', 'where[id][intersects]: intersects works only on point fields'],
  ['/api/providers?where[id][within]=*', 'where[id][within]'],
  [
    '/api/terms/count?where[_status][all][0]=true&where[_status][all][1]=true',
    'where[_status][all]: all works only on fields that hold many values',
  ],
  [
    '/api/terms?where[body.root.children.text][like]=aaaa',
    'where[body.root.children.text]: richText values cannot be queried inside; query "body"',
  ],
  [
    '/api/terms?where[body.root.children][all][0]=%7B%7B7*7%7D%7D&where[body.root.children][all][1]=%7B%7B7*7%7D%7D&depth=-0&draft=yes',
    'where[body.root.children]: richText values',
  ],
  [
    "/api/terms?where[category.slug][within]=')%20UNION%20SELECT%20password%20FROM%20users%20--&limit=%201&sort=nope",
    'where[category.slug][within]: within works only on point fields; this is a text field.',
  ],
  ['/api/terms?where[seo.title][within]=%252e%252e%252f%252e%252e%252fetc%252fpasswd', 'where[seo.title][within]'],
  ['/api/use-cases?where[updatedAt][equals]=_', 'where[updatedAt][equals]: "_" is not a date.'],
  [
    '/api/terms?where[category.updatedAt][greater_than]=soon',
    'where[category.updatedAt][greater_than]: "soon" is not a date.',
  ],
  ['/api/terms?where[relatedTerms][all]=1,2', 'where[relatedTerms][all]: this database does not support all; use in.'],
  ['/api/terms?where[updatedAt][in]=2026-01-01,later', 'where[updatedAt][in]: "later" is not a date.'],
]

describe('REST refuses a where the database cannot answer', () => {
  it.each(HOSTILE_WHERES)('refuses an anonymous %s with a 400 naming the condition', async (path, message) => {
    expectRefusal(await callRest('GET', path), message)
  })

  it.each(HOSTILE_WHERES)('refuses staff %s the same way', async (path, message) => {
    expectRefusal(await callRest('GET', path, { authorization: staff }), message)
  })

  it.each([
    ['/api/terms/versions?where[version.updatedAt][equals]=_', 'where[version.updatedAt][equals]: "_" is not a date.'],
    [
      '/api/terms/versions?where[version.title][within]=x',
      'where[version.title][within]: within works only on point fields',
    ],
    [
      '/api/use-cases?joins[terms][where][updatedAt][equals]=_',
      'joins[terms][where][updatedAt][equals]: "_" is not a date.',
    ],
    [
      '/api/faqs?joins[terms][where][title][near]=1,2',
      'joins[terms][where][title][near]: near works only on point fields',
    ],
  ])('refuses staff reading %s (versions and joins)', async (path, message) => {
    expectRefusal(await callRest('GET', path, { authorization: staff }), message)
  })

  it('refuses an audit-log export whose where compares a date with "_"', async () => {
    const answer = await callRest('GET', '/api/audit-log/export?where[createdAt][equals]=_', { authorization: admin })
    expectRefusal(answer, 'where[createdAt][equals]: "_" is not a date.')
  })

  it('refuses a bulk update whose where compares a date with "_"', async () => {
    const answer = await callRest('PATCH', '/api/terms?where[updatedAt][equals]=_', {
      authorization: staff,
      body: { analogy: 'x' },
    })
    expectRefusal(answer, 'where[updatedAt][equals]: "_" is not a date.')
  })
})

describe('GraphQL refuses a where the database cannot answer', () => {
  it.each([
    [
      '{ Terms(where: { title: { all: ["a", "b"] } }) { docs { id } } }',
      'where[title][all]: all works only on fields that hold many values',
    ],
    [
      '{ Terms(where: { category: { equals: { a: 1 } } }) { docs { id } } }',
      'where[category][equals]: compare a relationship field with a value, not an object.',
    ],
    [
      '{ Terms(where: { body: { equals: { root: 1 } } }) { docs { id } } }',
      'where[body][equals]: compare a richText field with text',
    ],
  ])('refuses %s', async (query, message) => {
    const answer = await callGraphql(query)
    const messages = errorMessages(answer.json)
    expect(messages.join(' '), JSON.stringify(answer.json).slice(0, 400)).toContain(message)
    expect(JSON.stringify(answer.json)).not.toContain('"statusCode":500')
  })
})

describe('the queries the site, the admin and API clients send still answer', () => {
  it.each([
    '/api/terms?where[slug][equals]=autoscaling',
    '/api/terms?where[title][like]=auto',
    '/api/terms?where[seo.title][contains]=x',
    '/api/terms?where[category.slug][equals]=compute',
    '/api/terms?where[updatedAt][greater_than]=2020-01-01',
    '/api/terms?where[updatedAt][equals]=null',
    '/api/terms?where[body][exists]=false',
    '/api/terms?where[body][like]=servers',
    '/api/terms?where[_status][equals]=published',
    '/api/terms?where[or][0][title][like]=auto&where[or][1][definition][like]=servers',
    '/api/terms/count?where[difficulty][in]=beginner,advanced',
    '/api/use-cases?joins[terms][where][slug][equals]=autoscaling&joins[terms][limit]=5',
  ])('answers %s', async (path) => {
    const answer = await callRest('GET', path)
    expect(answer.status, JSON.stringify(answer.json).slice(0, 400)).toBe(200)
  })

  it("lists a term's versions for staff by parent and version title", async () => {
    const { docs } = await payload.find({ collection: 'terms', where: { slug: { equals: 'autoscaling' } } })
    const path = `/api/terms/versions?where[parent][equals]=${docs[0]!.id}&where[version.title][like]=auto&where[latest][equals]=true`
    const answer = await callRest('GET', path, { authorization: staff })
    expect(answer.status, JSON.stringify(answer.json).slice(0, 400)).toBe(200)
    expect(answer.json.totalDocs).toBe(1)
  })

  it('finds a published term through GraphQL with a nested group path (seo__title)', async () => {
    const answer = await callGraphql(
      '{ Terms(where: { seo__title: { exists: false }, slug: { equals: "autoscaling" } }) { docs { title } } }',
    )
    expect(answer.json).toMatchObject({ data: { Terms: { docs: [{ title: 'Autoscaling' }] } } })
  })
})
