// The v1 term answer built from a real Payload read: published content only, exactly the fields of the
// schema the OpenAPI document is generated from, rich text as escaped HTML and plain text, and the cache
// tags of everything it shows.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { termAnswer } from '@/api-v1/term-answer'
import { TermSchema } from '@/api-v1/term-schema'
import { plainTextToRichText } from '@/content-format/rich-text'
import type { Category, Provider, Term } from '@/payload-types'
import { categoryTag, providerTag, termIdTag } from '@/site-cache/cache-tags'
import { readPublishedTermDocument } from '@/site-data/terms'

import { createTermQuietly, getTestPayload, QUIET, seedProvidersForTest } from './support/harness'

let payload: Payload
let category: Category
let providers: Provider[]

const createTerm = (title: string, fields: Omit<Partial<Term>, 'category'>, status: 'published' | 'draft') =>
  createTermQuietly(payload, { title, category, status, ...fields })

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
  providers = (await payload.find({ collection: 'providers', sort: 'displayOrder', pagination: false })).docs
  category = await payload.create({
    collection: 'categories',
    data: { name: 'Observability', slug: 'observability' },
    ...QUIET,
  })
}, 60_000)

describe('a term as the v1 API answers it', () => {
  let term: Term
  let related: Term

  beforeAll(async () => {
    related = await createTerm('Api Related Ledger', { definition: 'A ledger of related things.' }, 'published')
    const draftRelated = await createTerm('Api Draft Neighbour', {}, 'draft')
    const faq = await payload.create({
      collection: 'faqs',
      data: {
        question: 'Is it on by default?',
        answer: plainTextToRichText('Yes, for 90 days.'),
        _status: 'published',
      } as never,
      ...QUIET,
    })
    const draftFaq = await payload.create({
      collection: 'faqs',
      data: { question: 'Draft question?', answer: plainTextToRichText('Not yet.') } as never,
      draft: true,
      ...QUIET,
    })
    const useCase = await payload.create({
      collection: 'use-cases',
      data: {
        organization: 'A bank',
        scenario: 'Audit trail needed.',
        solution: 'Turned it on.',
        _status: 'published',
      } as never,
      ...QUIET,
    })
    term = await createTerm(
      'Api Audit Trail',
      {
        analogy: 'Like a visitor log at a front desk.',
        body: plainTextToRichText('Records calls. <script>alert(1)</script> & more.') as Term['body'],
        aliases: ['Audit log'],
        providerEquivalents: [
          {
            provider: providers[0]!.id,
            service: 'CloudTrail',
            matchLevel: 'exact',
            note: 'Account-wide by default.',
            docUrl: 'https://docs.example.com/ct',
          },
          { provider: providers[1]!.id, service: '', matchLevel: 'none' },
        ],
        faqs: [faq.id, draftFaq.id],
        useCases: [useCase.id],
        relatedTerms: [related.id, draftRelated.id],
        seeAlso: [{ term: related.id }, { url: 'https://example.com/more', label: 'More reading' }],
        transitionNote: 'Staff only: check with legal.',
      },
      'published',
    )
  })

  it('carries exactly the schema’s fields, and none of the staff fields the document holds', async () => {
    const answer = termAnswer((await readPublishedTermDocument(payload, term.slug))!.term)
    expect(TermSchema.strict().safeParse(answer).success).toBe(true)
    const sent = JSON.stringify(TermSchema.parse(answer))
    for (const staffField of [
      'workflowStage',
      'transitionNote',
      'Staff only',
      'reviewThread',
      '_status',
      'createdBy',
      'pendingRelatedTerms',
    ]) {
      expect(sent).not.toContain(staffField)
    }
  })

  it('shows published children only, with related terms summarised', async () => {
    const answer = termAnswer((await readPublishedTermDocument(payload, term.slug))!.term)
    expect(answer.faqs.map((faq) => faq.question)).toEqual(['Is it on by default?'])
    expect(answer.faqs[0]!.answer).toEqual({ html: '<p>Yes, for 90 days.</p>', text: 'Yes, for 90 days.' })
    expect(answer.useCases).toEqual([
      { organization: 'A bank', scenario: 'Audit trail needed.', solution: 'Turned it on.', outcome: null },
    ])
    expect(answer.relatedTerms).toEqual([
      { slug: related.slug, title: 'Api Related Ledger', definition: 'A ledger of related things.' },
    ])
    expect(answer.seeAlso).toEqual([
      { label: 'Api Related Ledger', term: related.slug, url: `/terms/${related.slug}` },
      { label: 'More reading', term: null, url: 'https://example.com/more' },
    ])
    expect(
      answer.providerEquivalents.map(({ provider, service, matchLevel, keyDifference }) => [
        provider.slug,
        service,
        matchLevel,
        keyDifference,
      ]),
    ).toEqual([
      [providers[0]!.slug, 'CloudTrail', 'exact', 'Account-wide by default.'],
      [providers[1]!.slug, null, 'none', null],
    ])
  })

  it('gives rich text as HTML with the text escaped, and as plain text', async () => {
    const { body } = termAnswer((await readPublishedTermDocument(payload, term.slug))!.term)
    expect(body!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more.')
    expect(body!.html).not.toContain('<script')
    expect(body!.text).toBe('Records calls. <script>alert(1)</script> & more.')
  })

  it('names what it shows as cache tags: the term, the related term, the category and the providers', async () => {
    const { tags } = (await readPublishedTermDocument(payload, term.slug))!
    expect(tags).toEqual(
      expect.arrayContaining([
        termIdTag(term.id),
        termIdTag(related.id),
        categoryTag(category.id),
        providerTag(providers[0]!.id),
      ]),
    )
  })

  it('has no answer for a term that was never published', async () => {
    const draft = await createTerm('Api Unpublished Idea', {}, 'draft')
    expect(await readPublishedTermDocument(payload, draft.slug)).toBeNull()
  })
})
