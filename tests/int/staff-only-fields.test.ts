// Review data (stages, assignees, the review thread, import leftovers) is for the editorial team only:
// anonymous callers get none of it over REST, GraphQL or the Local API, on single reads, lists and
// populated relationships, and cannot filter or sort on it to probe its values.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Faq, Term, UseCase, User } from '@/payload-types'

import { callRest, errorMessages, postGraphql, signInAs } from './support/api-routes'
import { createStaffUser, getTestPayload, richTextParagraph, STAFF_PASSWORD } from './support/harness'

const STAFF_ONLY_FIELDS = ['workflowStage', 'assignee', 'createdBy', 'reviewThread', 'transitionNote'] as const
const TERM_STAFF_ONLY_FIELDS = [...STAFF_ONLY_FIELDS, 'pendingRelatedTerms'] as const
const REVIEW_NOTE = 'Override justification: legal signed this off by phone.'

let payload: Payload
let admin: User
let reviewer: User
let reviewerAuthorization: string
let useCase: UseCase
let faq: Faq
let linkedTerm: Term
let term: Term

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await createStaffUser(payload, 'admin')
  reviewer = await createStaffUser(payload, 'reviewer')
  reviewerAuthorization = await signInAs(payload, reviewer.email, STAFF_PASSWORD)
  const category = await payload.create({ collection: 'categories', data: { name: 'Security', slug: 'security' } })
  // Published on creation by an admin: the workflow writes an override entry with the note into the thread.
  const asAdmin = { user: admin, draft: false } as const
  const reviewData = { assignee: reviewer.id, transitionNote: REVIEW_NOTE, _status: 'published' as const }
  useCase = await payload.create({
    collection: 'use-cases',
    data: { organization: 'Acme', scenario: 'S', solution: 'T', ...reviewData },
    ...asAdmin,
  })
  faq = await payload.create({
    collection: 'faqs',
    data: { question: 'Why?', answer: richTextParagraph('Because.'), ...reviewData },
    ...asAdmin,
  })
  const termData = { category: category.id, difficulty: 'beginner' as const, definition: 'x', ...reviewData }
  linkedTerm = await payload.create({
    collection: 'terms',
    data: { title: 'Linked', slug: 'linked', pendingRelatedTerms: ['Not Yet Written'], ...termData },
    ...asAdmin,
  })
  term = await payload.create({
    collection: 'terms',
    data: {
      title: 'Reader Term',
      slug: 'reader-term',
      pendingRelatedTerms: ['Unknown Thing'],
      relatedTerms: [linkedTerm.id],
      useCases: [useCase.id],
      faqs: [faq.id],
      ...termData,
    },
    ...asAdmin,
  })
})

/** A denied array field still comes back from Payload, as an empty list: the key is there, its rows are not. */
const deniedArray = (value: unknown) => Array.isArray(value) && value.length === 0

/** Every staff-only key with a value found anywhere in a JSON answer, with where it was found. */
function staffOnlyKeysIn(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => staffOnlyKeysIn(item, `${path}[${index}]`))
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => [
    ...((TERM_STAFF_ONLY_FIELDS as readonly string[]).includes(key) && !deniedArray(child) ? [`${path}.${key}`] : []),
    ...staffOnlyKeysIn(child, `${path}.${key}`),
  ])
}

describe('anonymous REST readers', () => {
  it.each([
    ['a term list', '/api/terms?limit=10'],
    ['a single term', () => `/api/terms/${term.id}`],
    ['a term with its related terms, use cases and FAQs populated', () => `/api/terms/${term.id}?depth=1`],
    ['a use case list', '/api/use-cases'],
    ['a single use case with the terms that show it', () => `/api/use-cases/${useCase.id}?depth=1`],
    ['a single FAQ', () => `/api/faqs/${faq.id}`],
  ])('get no review data in %s', async (_label, path) => {
    const { status, json } = await callRest('GET', typeof path === 'function' ? path() : path)
    expect(status).toBe(200)
    expect(staffOnlyKeysIn(json)).toEqual([])
    expect(JSON.stringify(json)).not.toContain(REVIEW_NOTE)
    expect(JSON.stringify(json)).not.toContain(reviewer.id)
  })

  it('get no review data of populated documents by asking for it with populate', async () => {
    const path = `/api/terms/${term.id}?depth=1&populate[terms][workflowStage]=true&populate[use-cases][reviewThread]=true`
    const { status, json } = await callRest('GET', path)
    expect(status).toBe(200)
    expect(staffOnlyKeysIn(json)).toEqual([])
    expect(JSON.stringify(json)).not.toContain(REVIEW_NOTE)
  })

  it('still get the content itself, populated one level deep', async () => {
    const { json } = await callRest('GET', `/api/terms/${term.id}?depth=1`)
    expect((json.relatedTerms as Term[]).map((related) => related.slug)).toEqual(['linked'])
    expect((json.useCases as UseCase[]).map((entry) => entry.organization)).toEqual(['Acme'])
    expect((json.faqs as Faq[]).map((entry) => entry.question)).toEqual(['Why?'])
  })

  it.each([
    ['where[workflowStage][equals]=published', 'workflowStage'],
    ['where[reviewThread.body][like]=legal', 'reviewThread.body'],
    ['where[assignee][exists]=true', 'assignee'],
    ['where[createdBy][equals]=x', 'createdBy'],
    ['where[pendingRelatedTerms][equals]=Unknown%20Thing', 'pendingRelatedTerms'],
    ['where[or][0][title][equals]=x&where[or][1][workflowStage][equals]=published', 'workflowStage'],
    ['sort=workflowStage', 'workflowStage'],
    ['sort=-assignee', 'assignee'],
  ])('are refused filtering or sorting on %s', async (query, path) => {
    const { status, json } = await callRest('GET', `/api/terms?${query}`)
    expect(status).toBe(400)
    expect(JSON.stringify(json)).toContain(path)
  })

  it('are refused filtering use cases and FAQs on review data too', async () => {
    for (const collection of ['use-cases', 'faqs']) {
      const { status } = await callRest('GET', `/api/${collection}?where[reviewThread.kind][equals]=override`)
      expect(status, collection).toBe(400)
    }
  })
})

describe('anonymous GraphQL readers', () => {
  it('get null for every review field, on lists and populated relationships', async () => {
    const { json } = await postGraphql({
      query: `{
        Terms { docs { title workflowStage createdBy { id } assignee { id } pendingRelatedTerms reviewThread { body }
          relatedTerms { title workflowStage reviewThread { body } }
          useCases { organization workflowStage reviewThread { body } }
          faqs { question assignee { id } reviewThread { body } } } }
        UseCases { docs { organization workflowStage reviewThread { body } } }
        Faq(id: "${faq.id}") { question workflowStage reviewThread { body } }
      }`,
    })
    const text = JSON.stringify(json)
    expect(text).toContain('Reader Term')
    expect(text).not.toContain(REVIEW_NOTE)
    expect(text).not.toContain('"published"')
    expect(text).not.toContain('Unknown Thing')
    expect(text).not.toContain(reviewer.id)
  })

  it('are refused filtering or sorting on review data', async () => {
    for (const query of [
      '{ Terms(where: { workflowStage: { equals: published } }) { docs { title } } }',
      '{ Terms(where: { reviewThread__body: { like: "legal" } }) { docs { title } } }',
      '{ Terms(sort: "workflowStage") { docs { title } } }',
      '{ UseCases(where: { assignee: { exists: true } }) { docs { organization } } }',
    ]) {
      const { json } = await postGraphql({ query })
      expect(errorMessages(json).join(' '), query).toMatch(/cannot be queried/)
      expect((json.data as Record<string, { docs?: unknown[] } | null> | undefined)?.Terms?.docs ?? []).toEqual([])
    }
  })
})

describe('anonymous Local API readers (the public site)', () => {
  const asAnonymous = { overrideAccess: false } as const

  it('get no review data on terms, use cases and FAQs, populated or not', async () => {
    const terms = await payload.find({ collection: 'terms', depth: 1, ...asAnonymous })
    const single = await payload.findByID({ collection: 'terms', id: term.id, depth: 1, ...asAnonymous })
    const useCases = await payload.find({ collection: 'use-cases', depth: 1, ...asAnonymous })
    const faqs = await payload.find({ collection: 'faqs', depth: 1, ...asAnonymous })
    expect(staffOnlyKeysIn([terms, single, useCases, faqs])).toEqual([])
  })

  it('cannot filter on review data', async () => {
    await expect(
      payload.find({ collection: 'terms', where: { workflowStage: { equals: 'published' } }, ...asAnonymous }),
    ).rejects.toThrow(/workflowStage/)
  })
})

describe('staff', () => {
  it('read every review field over REST, of populated documents too when they ask for it', async () => {
    const path = `/api/terms/${term.id}?depth=1&populate[terms][workflowStage]=true&populate[use-cases][reviewThread]=true`
    const { json } = await callRest('GET', path, { authorization: reviewerAuthorization })
    expect(json.workflowStage).toBe('published')
    expect((json.assignee as User).id).toBe(reviewer.id)
    expect((json.createdBy as User).id).toBe(admin.id)
    expect(json.pendingRelatedTerms).toEqual(['Unknown Thing'])
    expect(JSON.stringify(json.reviewThread)).toContain(REVIEW_NOTE)
    expect((json.relatedTerms as Term[])[0]?.workflowStage).toBe('published')
    expect(JSON.stringify((json.useCases as UseCase[])[0]?.reviewThread)).toContain(REVIEW_NOTE)
  })

  it('filter and sort on review data over REST and GraphQL', async () => {
    const filtered = await callRest(
      'GET',
      `/api/terms?where[workflowStage][equals]=published&where[assignee][equals]=${reviewer.id}&sort=workflowStage`,
      { authorization: reviewerAuthorization },
    )
    expect(filtered.status).toBe(200)
    expect((filtered.json.docs as Term[]).map((doc) => doc.slug).sort()).toEqual(['linked', 'reader-term'])
    const thread = await callRest('GET', '/api/faqs?where[reviewThread.body][like]=legal', {
      authorization: reviewerAuthorization,
    })
    expect((thread.json.docs as Faq[]).map((doc) => doc.id)).toEqual([faq.id])

    const { json } = await postGraphql(
      {
        query:
          '{ Terms(where: { workflowStage: { equals: published } }, sort: "title") { docs { slug workflowStage } } }',
      },
      { authorization: reviewerAuthorization },
    )
    expect(json.data).toEqual({
      Terms: {
        docs: [
          { slug: 'linked', workflowStage: 'published' },
          { slug: 'reader-term', workflowStage: 'published' },
        ],
      },
    })
  })

  it('read review data through the Local API with their own rights', async () => {
    const read = await payload.findByID({ collection: 'faqs', id: faq.id, user: reviewer, overrideAccess: false })
    expect(read.workflowStage).toBe('published')
    expect(JSON.stringify(read.reviewThread)).toContain(REVIEW_NOTE)
  })
})
