// GraphQL as a consumer reads it, with a GraphQL client library (graphql-request) against the
// production server: anonymous callers and API keys get published content only and no staff fields,
// whatever they ask for; a signed-in editor gets the draft, which shows the refusals are the access
// rules' doing and not an empty glossary.
import { randomUUID } from 'node:crypto'

import { expect, test } from '@playwright/test'
import { ClientError, GraphQLClient } from 'graphql-request'

import { adminToken } from './support/staff'

test.describe.configure({ mode: 'serial' })

type TermDocs = { Terms: { docs: Record<string, unknown>[] } }

const DRAFT_QUERY = `query ($title: String) { Terms(draft: true, where: { title: { equals: $title } }) { docs { id title } } }`
const STAFF_FIELDS_QUERY = `query { Terms(where: { slug: { equals: "cloudtrail" } }) { docs { title workflowStage transitionNote } } }`

let endpoint: string
let admin: Record<string, string>
let apiKey: string
const draftTitle = `GraphQL Client Draft ${randomUUID().slice(0, 8)}`

test.beforeAll(async ({ request, baseURL }) => {
  endpoint = new URL('/api/graphql', baseURL).toString()
  admin = { Authorization: `JWT ${await adminToken(request)}` }
  const security = (await (await request.get('/api/categories?where[slug][equals]=security')).json()) as {
    docs: { id: string }[]
  }
  const draft = await request.post('/api/terms?draft=true', {
    headers: admin,
    data: {
      title: draftTitle,
      definition: 'Staff only.',
      category: security.docs[0]!.id,
      difficulty: 'beginner',
      _status: 'draft',
    },
  })
  expect(draft.status(), await draft.text()).toBe(201)
  apiKey = randomUUID()
  const client = await request.post('/api/api-clients', {
    headers: admin,
    data: { name: 'GraphQL consumer', owner: 'e2e suite', scope: 'preview', enableAPIKey: true, apiKey },
  })
  expect(client.status(), await client.text()).toBe(201)
})

const readers = () => [
  { who: 'anonymous', client: new GraphQLClient(endpoint) },
  {
    who: 'an API key, even with the preview scope',
    client: new GraphQLClient(endpoint, { headers: { Authorization: `api-clients API-Key ${apiKey}` } }),
  },
]

test('anonymous callers and API keys read published terms and never a draft', async () => {
  for (const { who, client } of readers()) {
    const published = await client.request<TermDocs>(
      `{ Terms(where: { slug: { equals: "cloudtrail" } }) { docs { title category { name } } } }`,
    )
    expect(published.Terms.docs, who).toEqual([{ title: 'CloudTrail', category: { name: expect.any(String) } }])
    const drafts = await client.request<TermDocs>(DRAFT_QUERY, { title: draftTitle })
    expect(drafts.Terms.docs, who).toEqual([])
  }
  const editor = new GraphQLClient(endpoint, { headers: admin })
  expect((await editor.request<TermDocs>(DRAFT_QUERY, { title: draftTitle })).Terms.docs).toEqual([
    { id: expect.any(String), title: draftTitle },
  ])
})

test('anonymous callers and API keys get no staff-only field, and no users', async () => {
  for (const { who, client } of readers()) {
    const { Terms } = await client.request<TermDocs>(STAFF_FIELDS_QUERY)
    expect(Terms.docs, who).toEqual([{ title: 'CloudTrail', workflowStage: null, transitionNote: null }])
    const users = await client.request(`{ Users { docs { email } } }`).catch((error: unknown) => error)
    expect(users, who).toBeInstanceOf(ClientError)
    expect((users as ClientError).response.errors?.[0]?.message, who).toMatch(/not allowed/i)
  }
  const editor = new GraphQLClient(endpoint, { headers: admin })
  const { Terms } = await editor.request<TermDocs>(STAFF_FIELDS_QUERY)
  expect(Terms.docs[0]!.workflowStage).toEqual(expect.any(String))
})
