// The events the content-changes log records for the v1 change feed: one per change a consumer of the
// API could see, on rows of terms, categories and providers, with the document's slug; none for a draft.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { plainTextToRichText } from '@/content-format/rich-text'
import type { Category, ContentChange } from '@/payload-types'

import { createTermQuietly, getTestPayload, QUIET } from './support/harness'

let payload: Payload
let category: Category

type Recorded = Pick<ContentChange, 'sourceCollection' | 'documentId' | 'event' | 'documentSlug'>

/** Every row recorded since the last call, oldest first, as (collection, id, event, slug). */
let readUpTo = new Date(0).toISOString()
async function rowsSinceLastCall(): Promise<Recorded[]> {
  const { docs } = await payload.find({
    collection: 'content-changes',
    where: { createdAt: { greater_than: readUpTo } },
    sort: ['createdAt', 'id'],
    pagination: false,
    overrideAccess: true,
  })
  if (docs.length > 0) readUpTo = docs.at(-1)!.createdAt
  return docs.map(({ sourceCollection, documentId, event, documentSlug }) => ({
    sourceCollection,
    documentId,
    event,
    documentSlug,
  }))
}

const eventsOf = (rows: Recorded[]) =>
  rows
    .filter((row) => row.event)
    .map(({ sourceCollection, documentId, event, documentSlug }) => [sourceCollection, documentId, event, documentSlug])

beforeAll(async () => {
  payload = await getTestPayload()
  category = await payload.create({ collection: 'categories', data: { name: 'Events', slug: 'events' }, ...QUIET })
  await rowsSinceLastCall()
})

const publishTerm = (title: string, slug: string, fields: Record<string, unknown> = {}) =>
  createTermQuietly(payload, { title, slug, category, ...fields })

describe('events of a term', () => {
  it('records each transition of the live version, with the slug readers knew it by', async () => {
    const term = await publishTerm('Event Horizon', 'event-horizon')
    const id = String(term.id)
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', id, 'published', 'event-horizon']])

    await payload.update({ collection: 'terms', id: term.id, data: { definition: 'Edited live.' }, ...QUIET })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', id, 'updated', 'event-horizon']])

    await payload.update({ collection: 'terms', id: term.id, data: { slug: 'event-renamed' }, draft: true, ...QUIET })
    expect(await rowsSinceLastCall()).toEqual([])

    // Publishing the renamed draft is an update of the live term, under its new slug.
    await payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, ...QUIET })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', id, 'updated', 'event-renamed']])

    await payload.update({
      collection: 'terms',
      id: term.id,
      data: { slug: 'event-draft-only', _status: 'draft' },
      ...QUIET,
    })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', id, 'unpublished', 'event-renamed']])

    await payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, ...QUIET })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', id, 'published', 'event-draft-only']])

    await payload.delete({ collection: 'terms', id: term.id, ...QUIET })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', id, 'deleted', 'event-draft-only']])
  })

  it('records no event for a term created as a draft', async () => {
    await payload.create({
      collection: 'terms',
      data: { title: 'Draft Event', definition: 'Not yet.', category: category.id, difficulty: 'beginner' } as never,
      draft: true,
      ...QUIET,
    })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([])
  })
})

describe('events of categories and providers', () => {
  it('records a create as published, an update as updated and a delete as deleted', async () => {
    const created = await payload.create({
      collection: 'categories',
      data: { name: 'Queues', slug: 'queues' },
      ...QUIET,
    })
    await payload.update({ collection: 'categories', id: created.id, data: { slug: 'message-queues' }, ...QUIET })
    await payload.delete({ collection: 'categories', id: created.id, ...QUIET })
    const provider = await payload.create({
      collection: 'providers',
      data: { name: 'Event Cloud', slug: 'event-cloud', fullName: 'Event Cloud' } as never,
      ...QUIET,
    })
    await payload.update({
      collection: 'providers',
      id: provider.id,
      data: { fullName: 'Event Cloud Incorporated' },
      ...QUIET,
    })
    await payload.delete({ collection: 'providers', id: provider.id, ...QUIET })
    const [c, p] = [String(created.id), String(provider.id)]
    expect(eventsOf(await rowsSinceLastCall())).toEqual([
      ['categories', c, 'published', 'queues'],
      ['categories', c, 'updated', 'message-queues'],
      ['categories', c, 'deleted', 'message-queues'],
      ['providers', p, 'published', 'event-cloud'],
      ['providers', p, 'updated', 'event-cloud'],
      ['providers', p, 'deleted', 'event-cloud'],
    ])
  })
})

describe('events of the parts of terms', () => {
  it('records an update of each published term listing a changed FAQ or use case, and of no other', async () => {
    const faq = await payload.create({
      collection: 'faqs',
      data: { question: 'Does it scale?', answer: plainTextToRichText('Yes.'), _status: 'published' } as never,
      ...QUIET,
    })
    const useCase = await payload.create({
      collection: 'use-cases',
      data: { organization: 'A shop', scenario: 'Peaks.', solution: 'Queues.', _status: 'published' } as never,
      ...QUIET,
    })
    const first = await publishTerm('Scaling Out', 'scaling-out', { faqs: [faq.id], useCases: [useCase.id] })
    const second = await publishTerm('Scaling Up', 'scaling-up', { faqs: [faq.id] })
    await publishTerm('Unrelated Event', 'unrelated-event')
    const drafted = await payload.create({
      collection: 'terms',
      data: {
        title: 'Scaling Draft',
        definition: 'Draft.',
        category: category.id,
        difficulty: 'beginner',
        faqs: [faq.id],
      } as never,
      draft: true,
      ...QUIET,
    })
    expect(drafted._status).toBe('draft')
    await rowsSinceLastCall()

    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { answer: plainTextToRichText('Yes, sideways.') } as never,
      ...QUIET,
    })
    const faqEvents = eventsOf(await rowsSinceLastCall())
    expect(faqEvents).toHaveLength(2)
    expect(faqEvents).toEqual(
      expect.arrayContaining([
        ['terms', String(first.id), 'updated', 'scaling-out'],
        ['terms', String(second.id), 'updated', 'scaling-up'],
      ]),
    )

    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { question: 'Draft question?' } as never,
      draft: true,
      ...QUIET,
    })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([])

    await payload.update({
      collection: 'use-cases',
      id: useCase.id,
      data: { outcome: 'Calm peaks.' } as never,
      ...QUIET,
    })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', String(first.id), 'updated', 'scaling-out']])

    await payload.delete({ collection: 'use-cases', id: useCase.id, ...QUIET })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', String(first.id), 'updated', 'scaling-out']])
  })
})

describe('events of terms that show another term', () => {
  it('records an update of each published term linking to a term whose summary changed, and of no other', async () => {
    const target = await publishTerm('Linked Target', 'linked-target')
    const relating = await publishTerm('Relating Term', 'relating-term', { relatedTerms: [target.id] })
    const seeing = await publishTerm('Seeing Term', 'seeing-term', { seeAlso: [{ term: target.id }] })
    await publishTerm('Bystander Term', 'bystander-term')
    await payload.create({
      collection: 'terms',
      data: {
        title: 'Linking Draft',
        definition: 'Draft.',
        category: category.id,
        difficulty: 'beginner',
        relatedTerms: [target.id],
      } as never,
      draft: true,
      ...QUIET,
    })
    await rowsSinceLastCall()
    const id = String(target.id)
    const linkingUpdated = [
      ['terms', String(relating.id), 'updated', 'relating-term'],
      ['terms', String(seeing.id), 'updated', 'seeing-term'],
    ]
    // Rows of one transaction may share a millisecond, and ids break such ties in no particular order.
    const expectOwnAndLinkingEvents = (rows: Recorded[], own: unknown[]) => {
      const events = eventsOf(rows)
      expect(events).toHaveLength(3)
      expect(events).toEqual(expect.arrayContaining([own, ...linkingUpdated]))
    }

    // The summary other terms show is its slug, title and definition: a change of any of them reaches them.
    await payload.update({ collection: 'terms', id: target.id, data: { title: 'Linked Target Renamed' }, ...QUIET })
    expectOwnAndLinkingEvents(await rowsSinceLastCall(), ['terms', id, 'updated', 'linked-target'])

    // Other fields are not shown in a summary; a draft is not shown at all.
    await payload.update({ collection: 'terms', id: target.id, data: { analogy: 'Like a signpost.' }, ...QUIET })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([['terms', id, 'updated', 'linked-target']])
    await payload.update({
      collection: 'terms',
      id: target.id,
      data: { definition: 'Drafted.' },
      draft: true,
      ...QUIET,
    })
    expect(eventsOf(await rowsSinceLastCall())).toEqual([])

    // Unpublished, the linked term disappears from the answers linking to it; published again, it returns.
    await payload.update({ collection: 'terms', id: target.id, data: { _status: 'draft' }, ...QUIET })
    expectOwnAndLinkingEvents(await rowsSinceLastCall(), ['terms', id, 'unpublished', 'linked-target'])
    await payload.update({ collection: 'terms', id: target.id, data: { _status: 'published' }, ...QUIET })
    expectOwnAndLinkingEvents(await rowsSinceLastCall(), ['terms', id, 'published', 'linked-target'])

    await payload.delete({ collection: 'terms', id: target.id, ...QUIET })
    expectOwnAndLinkingEvents(await rowsSinceLastCall(), ['terms', id, 'deleted', 'linked-target'])
  })
})
