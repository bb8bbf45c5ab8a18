// The import validates new documents in src/content-transfer/validate-fields.ts, after Payload's field
// traversal ran without validation, instead of in that traversal. For generated documents of each collection
// the import creates, valid and not, both ways give the same errors and, when valid, the same prepared data.
import fc from 'fast-check'
import { createLocalReq, ValidationError, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { plainTextToRichText } from '@/content-format/rich-text'
import { DIFFICULTIES } from '@/content-format/types'
import { prepareCreate } from '@/content-transfer/create-in-bulk'
import { needsPayloadValidation } from '@/content-transfer/validate-fields'
import { MATCH_LEVELS } from '@/fields/provider-equivalents'

import { getTestPayload, seedProvidersForTest } from './support/harness'

type Collection = 'terms' | 'use-cases' | 'faqs'
type Row = Record<string, unknown>
type Outcome = { data: unknown } | { errors: string[] } | { thrown: string }

let payload: Payload
let categoryId: string
let providerIds: string[]

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
  const providers = await payload.find({ collection: 'providers', pagination: false })
  providerIds = providers.docs.map(({ id }) => String(id))
  const category = await payload.create({ collection: 'categories', data: { name: 'Compute', slug: 'compute' } })
  categoryId = String(category.id)
})

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Array rows get new ids, and dates the time, on each create: documents compare without them. */
function comparable(value: unknown): unknown {
  if (typeof value === 'string' && ISO_DATE.test(value)) return 'a date'
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return comparable(item)
      const { id: _rowId, ...rest } = item as Row
      return comparable(rest)
    })
  }
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, comparable(item)]))
}

async function prepare(collection: Collection, data: Row, payloadValidation: boolean): Promise<Outcome> {
  const req = await createLocalReq({}, payload)
  try {
    const document = { id: 'prepared-document', data: structuredClone(data) }
    const prepared = await prepareCreate(payload, req, collection, document, { draft: false, payloadValidation })
    return { data: comparable(prepared.data) }
  } catch (error) {
    if (!(error instanceof ValidationError)) return { thrown: String(error) }
    return {
      errors: error.data.errors.map(({ label, message, path }) => JSON.stringify({ label, message, path })).sort(),
    }
  }
}

const text = (maxLength: number) => fc.string({ maxLength })
const oddValue = fc.constantFrom<unknown>(null, '', 0, 42, true, [], {}, ['a'], [null], { root: 'x' }, 'x'.repeat(300))
const unknownId = fc.constantFrom('no-such-document', 123456789)

const textNode = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})
const withParagraph = (children: Row[]) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children }],
  },
})
const uploadNode = (value: unknown) => ({
  type: 'upload',
  relationTo: 'media',
  value,
  fields: {},
  format: '',
  version: 3,
  id: '65f0c0ffee0000000000beef',
})
const linkNode = (url: unknown) => ({
  type: 'link',
  fields: { linkType: 'custom', url, newTab: false },
  format: '',
  indent: 0,
  version: 3,
  direction: 'ltr',
  id: '65f0c0ffee0000000000cafe',
  children: [textNode('a link')],
})

const richText = fc.oneof(
  { weight: 4, arbitrary: text(200).map(plainTextToRichText) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({}, { root: {} }, { root: { children: 'x' } }, 'plain', 7) },
  { weight: 1, arbitrary: unknownId.map((id) => withParagraph([uploadNode(id)])) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('https://example.com', 'javascript:alert(1)', '')
      .map((url) => withParagraph([linkNode(url)])),
  },
)

/** A valid document of the collection, then the same with some fields removed or given odd values. */
function documents(valid: fc.Arbitrary<Row>, odd: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Row> {
  const changes = fc.record(odd, { requiredKeys: [] })
  const removed = fc.subarray(Object.keys(odd))
  const changed = fc.tuple(valid, changes, removed).map(([document, values, names]) => {
    const result: Row = { ...document, ...values }
    for (const name of names) delete result[name]
    return result
  })
  return fc.oneof(valid, changed)
}

const ids = (valid: string[]) =>
  fc.oneof(
    fc.constant([]),
    fc.constant(valid),
    unknownId.map((id) => [id]),
    oddValue,
  )

function terms(): fc.Arbitrary<Row> {
  const equivalent = fc.record(
    {
      provider: fc.oneof(fc.constantFrom(...providerIds), unknownId, fc.constant(null)),
      service: fc.oneof(text(30), fc.constant(null)),
      matchLevel: fc.oneof(fc.constantFrom<unknown>(...MATCH_LEVELS, null), fc.constant('perfect')),
      docUrl: fc.constantFrom('https://docs.example.com/x', 'ftp://example.com', 'not a url', null),
      note: fc.oneof(text(40), fc.constant(null)),
    },
    { requiredKeys: [] },
  )
  const seeAlsoRow = fc.record(
    {
      term: fc.oneof(unknownId, fc.constant(null)),
      label: text(30),
      url: fc.constantFrom('https://example.com', 'nope', ''),
    },
    { requiredKeys: [] },
  )
  const reviewEntry = fc.record(
    { kind: fc.constantFrom('comment', 'approved', 'praise'), at: fc.constantFrom('2026-01-02T03:04:05.000Z', 'soon') },
    { requiredKeys: [] },
  )
  const valid = fc.record({
    title: fc.string({ minLength: 1, maxLength: 60 }),
    slug: fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,3}$/),
    definition: fc.string({ minLength: 1, maxLength: 300 }),
    analogy: fc.oneof(text(100), fc.constant(null)),
    body: text(300).map(plainTextToRichText),
    category: fc.constant(categoryId),
    difficulty: fc.constantFrom(...DIFFICULTIES),
    aliases: fc.array(text(20), { maxLength: 3 }),
    providerEquivalents: fc
      .uniqueArray(fc.constantFrom(...providerIds), { maxLength: 3 })
      .map((providers) =>
        providers.map((provider) => ({ provider, service: 'Service', matchLevel: 'close', docUrl: null, note: null })),
      ),
    useCases: fc.constant([]),
    faqs: fc.constant([]),
    relatedTerms: fc.constant([]),
    pendingRelatedTerms: fc.array(text(20), { maxLength: 2 }),
    seeAlso: fc.array(fc.record({ label: fc.string({ minLength: 1, maxLength: 20 }), url: fc.constant(null) }), {
      maxLength: 2,
    }),
    _status: fc.constant('published'),
  })
  return documents(valid, {
    title: fc.oneof(text(80), oddValue),
    slug: fc.oneof(fc.constantFrom('Not A Slug', 'a--b', 'x'.repeat(200), 'terms'), oddValue),
    definition: fc.oneof(text(10), oddValue),
    analogy: oddValue,
    body: richText,
    category: fc.oneof(unknownId, oddValue),
    difficulty: fc.oneof(fc.constant('expert'), oddValue),
    aliases: fc.oneof(fc.array(fc.oneof(text(10), oddValue), { maxLength: 3 }), oddValue),
    providerEquivalents: fc.oneof(fc.array(equivalent, { maxLength: 4 }), oddValue),
    useCases: ids([]),
    faqs: ids([]),
    relatedTerms: ids([categoryId]),
    pendingRelatedTerms: fc.oneof(fc.array(fc.oneof(text(10), oddValue), { maxLength: 3 }), oddValue),
    seeAlso: fc.oneof(fc.array(seeAlsoRow, { maxLength: 3 }), oddValue),
    seo: fc.oneof(fc.record({ title: text(90), description: text(200) }, { requiredKeys: [] }), oddValue),
    _status: fc.constantFrom<unknown>('draft', 'archived', null),
    reviewThread: fc.oneof(fc.array(reviewEntry, { maxLength: 2 }), oddValue),
    extraField: oddValue,
  })
}

function useCases(): fc.Arbitrary<Row> {
  const valid = fc.record({
    organization: fc.string({ minLength: 1, maxLength: 40 }),
    scenario: fc.string({ minLength: 1, maxLength: 200 }),
    solution: fc.string({ minLength: 1, maxLength: 200 }),
    outcome: fc.oneof(text(100), fc.constant(null)),
    _status: fc.constant('published'),
  })
  return documents(valid, { organization: oddValue, scenario: oddValue, solution: oddValue, outcome: oddValue })
}

function faqs(): fc.Arbitrary<Row> {
  const valid = fc.record({
    question: fc.string({ minLength: 1, maxLength: 80 }),
    answer: fc.string({ minLength: 1, maxLength: 300 }).map(plainTextToRichText),
    _status: fc.constant('published'),
  })
  return documents(valid, { question: oddValue, answer: fc.oneof(richText, oddValue) })
}

describe('validation of new documents outside Payload’s traversal', () => {
  it('gives the errors and prepared data of Payload’s own validation', async () => {
    const seen = { valid: 0, invalid: 0, lean: 0 }
    const cases = fc.oneof(
      { weight: 3, arbitrary: terms().map((data) => ['terms', data] as const) },
      { weight: 1, arbitrary: useCases().map((data) => ['use-cases', data] as const) },
      { weight: 1, arbitrary: faqs().map((data) => ['faqs', data] as const) },
    )
    await fc.assert(
      fc.asyncProperty(cases, async ([collection, data]) => {
        const lean = await prepare(collection, data, false)
        const full = await prepare(collection, data, true)
        expect(lean).toEqual(full)
        if ('data' in full) seen.valid += 1
        if ('errors' in full) seen.invalid += 1
        if (!needsPayloadValidation(payload.collections[collection].config.fields, data)) seen.lean += 1
      }),
      { numRuns: 200, interruptAfterTimeLimit: 60_000 },
    )
    expect(seen.valid).toBeGreaterThan(10)
    expect(seen.invalid).toBeGreaterThan(10)
    expect(seen.lean).toBeGreaterThan(50)
  }, 120_000)

  it('leaves rich text whose nodes have fields of their own to Payload’s validation', async () => {
    const fields = payload.collections.terms.config.fields
    expect(needsPayloadValidation(fields, { body: plainTextToRichText('One.\n\nTwo.') })).toBe(false)
    expect(needsPayloadValidation(fields, { body: withParagraph([textNode('plain')]) })).toBe(false)
    expect(needsPayloadValidation(fields, { body: withParagraph([uploadNode('no-such-media')]) })).toBe(true)
    expect(needsPayloadValidation(fields, { body: withParagraph([linkNode('https://example.com')]) })).toBe(true)
    expect(needsPayloadValidation(fields, { body: { root: 'x' } })).toBe(true)
    const answer = withParagraph([
      linkNode(''),
      { ...linkNode('https://x.example'), fields: { linkType: 'internal', newTab: false } },
    ])
    const faq = { question: 'What?', answer, _status: 'published' }
    const outcome = await prepare('faqs', faq, false)
    expect(outcome).toEqual(await prepare('faqs', faq, true))
    // Reported by the editor's hook on the link's own fields, which validates only in Payload's traversal.
    const paths = 'errors' in outcome ? outcome.errors.map((error) => (JSON.parse(error) as { path: string }).path) : []
    expect(paths).toContain('answer.doc')
  })
})
