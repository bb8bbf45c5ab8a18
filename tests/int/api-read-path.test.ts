// What an anonymous REST or GraphQL read of terms returns and what it costs: populated relationships
// carry what a consumer shows (links for terms, content for use cases and FAQs) and nothing of the
// review, and a page of terms is read with the same number of queries whatever its size, so reads stay
// cheap as the glossary grows. Unpublished links stay hidden on every term of a page.
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, Faq, Provider, Term, UseCase } from '@/payload-types'

import { captureStatements } from '../../bench/api-read/query-plans'

import { callRest, postGraphql, startRoutes } from './support/api-routes'
import { createStaffUser, getTestPayload, richTextParagraph, seedProvidersForTest } from './support/harness'

const PAGE = 12

let payload: Payload
let terms: Term[] = []
let linker: Term
let draftTerm: Term
let draftUseCase: UseCase

const published = { _status: 'published' } as const

async function createTerm(index: number, category: Category, providers: Provider[]): Promise<Term> {
  const useCase = await payload.create({
    collection: 'use-cases',
    data: { organization: `Org ${index}`, scenario: 'S', solution: 'T', outcome: 'O', ...published },
  })
  const faq = await payload.create({
    collection: 'faqs',
    data: { question: `Why ${index}?`, answer: richTextParagraph('Because.'), ...published },
  })
  const earlier = terms.slice(-2)
  return payload.create({
    collection: 'terms',
    data: {
      title: `Read Path ${String(index).padStart(2, '0')}`,
      slug: `read-path-${index}`,
      definition: 'A term of a page.',
      category: category.id,
      difficulty: 'beginner',
      providerEquivalents: providers.map((provider) => ({ provider: provider.id, service: `${provider.name} thing` })),
      relatedTerms: earlier.map((term) => term.id),
      seeAlso: earlier.slice(0, 1).map((term) => ({ term: term.id })),
      useCases: [useCase.id],
      faqs: [faq.id],
      ...published,
    },
  })
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
  await createStaffUser(payload, 'admin')
  const category = await payload.create({ collection: 'categories', data: { name: 'Networking', slug: 'networking' } })
  const { docs: providers } = await payload.find({ collection: 'providers', limit: 4 })
  terms = []
  for (let index = 0; index < PAGE; index += 1) terms.push(await createTerm(index, category, providers))
  draftTerm = await payload.create({
    collection: 'terms',
    data: {
      title: 'Unreleased Link',
      definition: 'x',
      category: category.id,
      difficulty: 'beginner',
      _status: 'draft',
    },
    draft: true,
  })
  draftUseCase = await payload.create({
    collection: 'use-cases',
    data: { organization: 'Hidden org', scenario: 'S', solution: 'T', _status: 'draft' },
    draft: true,
  })
  linker = await payload.create({
    collection: 'terms',
    data: {
      title: 'Read Path Linker',
      slug: 'read-path-linker',
      definition: 'Links a draft.',
      category: category.id,
      difficulty: 'beginner',
      relatedTerms: [terms[0]!.id, draftTerm.id],
      seeAlso: [{ term: draftTerm.id }, { term: draftTerm.id, label: 'Coming soon' }],
      useCases: [draftUseCase.id],
      ...published,
    },
  })
  await startRoutes()
}, 300_000)

const keysOf = (doc: unknown) => Object.keys(doc as object).sort()

describe('anonymous REST readers get populated relationships with what a consumer shows', () => {
  let term: Term

  beforeAll(async () => {
    const { status, json } = await callRest('GET', `/api/terms/${terms[2]!.id}?depth=1`)
    expect(status).toBe(200)
    term = json as unknown as Term
  })

  it('related and see-also terms as links: id, title and slug', () => {
    expect((term.relatedTerms as Term[]).map(keysOf)).toEqual([
      ['id', 'slug', 'title'],
      ['id', 'slug', 'title'],
    ])
    expect(keysOf(term.seeAlso![0]!.term)).toEqual(['id', 'slug', 'title'])
  })

  it('use cases and FAQs with their content, and nothing of their review or the terms that show them', () => {
    expect(keysOf((term.useCases as UseCase[])[0])).toEqual(['id', 'organization', 'outcome', 'scenario', 'solution'])
    expect(keysOf((term.faqs as Faq[])[0])).toEqual(['answer', 'id', 'question'])
  })

  it('the category and providers with their names and addresses', () => {
    expect(keysOf(term.category)).toEqual(['id', 'name', 'slug'])
    const provider = term.providerEquivalents![0]!.provider
    expect(keysOf(provider)).toEqual(['brandColor', 'fullName', 'id', 'name', 'slug', 'website'])
  })
})

/** The SQL statements one call sends to the database the route handlers use. */
async function statementsOf(call: () => Promise<unknown>): Promise<number> {
  const routesPayload = await getPayload({ config })
  const client = (routesPayload.db as unknown as { client: Parameters<typeof captureStatements>[0] }).client
  return (await captureStatements(client, call)).length
}

describe('a page of terms costs the same number of queries whatever its size', () => {
  it.each([0, 1])('over REST at depth %i', async (depth) => {
    const small = await statementsOf(() => callRest('GET', `/api/terms?limit=3&depth=${depth}&sort=title`))
    const page = await statementsOf(() => callRest('GET', `/api/terms?limit=${PAGE}&depth=${depth}&sort=title`))
    expect(page).toBe(small)
  })

  it('over GraphQL', async () => {
    const query = (limit: number) => `{ Terms(limit: ${limit}, sort: "title") {
      docs { title relatedTerms { title slug } useCases { organization } faqs { question } seeAlso { term { title } } }
    } }`
    const small = await statementsOf(() => postGraphql({ query: query(3) }))
    const page = await statementsOf(() => postGraphql({ query: query(PAGE) }))
    expect(page).toBe(small)
  })
})

describe('unpublished links stay hidden from anonymous readers of a page', () => {
  it.each([0, 1])('over REST at depth %i', async (depth) => {
    const { json } = await callRest('GET', `/api/terms?limit=100&depth=${depth}&where[title][like]=Read Path`)
    const docs = json.docs as Term[]
    expect(docs).toHaveLength(PAGE + 1)
    const text = JSON.stringify(docs)
    expect(text).not.toContain(draftTerm.id)
    expect(text).not.toContain(draftUseCase.id)
    const linked = docs.find((doc) => doc.id === linker.id)!
    expect(linked.seeAlso?.map((row) => [row.term, row.label])).toEqual([[null, 'Coming soon']])
  })

  it('over GraphQL', async () => {
    const { json } = await postGraphql({
      query: `{ Term(id: "${linker.id}") { relatedTerms { id title } useCases { id } seeAlso { term { id } label } } }`,
    })
    expect(json.data).toEqual({
      Term: {
        relatedTerms: [{ id: terms[0]!.id, title: terms[0]!.title }],
        useCases: [],
        seeAlso: [{ term: null, label: 'Coming soon' }],
      },
    })
  })
})
