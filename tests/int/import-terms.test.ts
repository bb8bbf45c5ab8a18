import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { TermDocument } from '@/content-format/types'
import { countChanges, importTermDocuments } from '@/content-transfer/import-terms'
import { richTextToPlainText } from '@/content-format/rich-text'
import type { Term } from '@/payload-types'

import { getTestPayload, readSeedDocuments, seedProvidersForTest } from './support/harness'
import { termEntry } from './support/term-entries'

let payload: Payload
let seedDocuments: TermDocument[]

const documentNamed = termEntry

/** Use cases and FAQs populated with whether they are live too, which consumers are not shown by default. */
const CHILDREN_WITH_STATUS = {
  'use-cases': { organization: true, scenario: true, solution: true, outcome: true, _status: true },
  faqs: { question: true, answer: true, _status: true },
} as const

async function findTerm(slug: string, draft = true): Promise<Term> {
  const { docs } = await payload.find({
    collection: 'terms',
    where: { slug: { equals: slug } },
    draft,
    depth: 1,
    populate: CHILDREN_WITH_STATUS,
  })
  if (!docs[0]) throw new Error(`term ${slug} not found`)
  return docs[0]
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
  seedDocuments = await readSeedDocuments()
})

describe('importing the seed folder', () => {
  it('creates every seed term as published with its categories and providers', async () => {
    const report = await importTermDocuments(payload, seedDocuments, { status: 'published' })
    expect(report.failed).toEqual([])
    expect(report.created).toHaveLength(seedDocuments.length)

    const published = await payload.count({ collection: 'terms', where: { _status: { equals: 'published' } } })
    expect(published.totalDocs).toBe(seedDocuments.length)
    const categories = await payload.find({ collection: 'categories', pagination: false })
    expect(categories.docs.map((category) => category.slug).sort()).toEqual(
      [...new Set(seedDocuments.map((document) => document.category))].sort(),
    )
    const providers = await payload.find({ collection: 'providers', pagination: false, sort: 'displayOrder' })
    expect(providers.docs.map((provider) => provider.name)).toEqual(['AWS', 'Azure', 'GCP', 'OCI'])
  })

  it('stores CloudTrail with all of its parts', async () => {
    const cloudtrail = await findTerm('cloudtrail', false)
    expect(cloudtrail._status).toBe('published')
    expect(cloudtrail.analogy).toBe('Like a detailed security log that tracks who did what and when.')
    expect(cloudtrail.difficulty).toBe('intermediate')
    expect(typeof cloudtrail.category === 'object' && cloudtrail.category.slug).toBe('security')
    expect(cloudtrail.providerEquivalents?.map((row) => row.service)).toEqual([
      'AWS CloudTrail',
      'Azure Activity Log',
      'Cloud Audit Logs',
      'OCI Audit',
    ])
    const useCases = (cloudtrail.useCases ?? []).flatMap((useCase) => (typeof useCase === 'object' ? [useCase] : []))
    expect(useCases.map((useCase) => [useCase.organization, useCase._status])).toEqual([
      ['Netflix', 'published'],
      ['Capital One', 'published'],
    ])
    expect(useCases[0]?.outcome).toMatch(/^Improved incident response.*analysis\.$/)
    const faqs = (cloudtrail.faqs ?? []).flatMap((faq) => (typeof faq === 'object' ? [faq] : []))
    expect(faqs).toHaveLength(3)
    expect(richTextToPlainText(faqs[2]?.answer)).toBe(
      seedDocuments.find((d) => d.slug === 'cloudtrail')?.faqs[2]?.answer,
    )
  })

  it('links related terms by title into a graph', async () => {
    const iam = await findTerm('iam')
    const relatedSlugs = (iam.relatedTerms ?? []).map((term) => (typeof term === 'object' ? term.slug : term))
    const expected = seedDocuments.find((document) => document.slug === 'iam')!.relatedTerms
    expect(relatedSlugs).toHaveLength(expected.length)
    expect(relatedSlugs).toContain('cloudtrail')
    expect(iam.pendingRelatedTerms ?? []).toEqual([])
  })

  it('reports zero changes when the same files are imported again', async () => {
    const report = await importTermDocuments(payload, seedDocuments, { status: 'published' })
    expect(countChanges(report)).toBe(0)
    expect(report.unchanged).toHaveLength(seedDocuments.length)
  })
})

describe('names that match no term yet', () => {
  it('keeps an unresolved related name and links it, in the written order, when that term arrives', async () => {
    const first = await importTermDocuments(
      payload,
      [documentNamed('Tidal Compute', { relatedTerms: ['Wave Storage', 'CloudTrail'], seeAlso: ['Wave Storage'] })],
      { status: 'published' },
    )
    expect(first.unresolved).toEqual([{ slug: 'tidal-compute', names: ['Wave Storage', 'Wave Storage'] }])
    const waiting = await findTerm('tidal-compute')
    expect((waiting.relatedTerms ?? []).map((term) => (typeof term === 'object' ? term.slug : term))).toEqual([
      'cloudtrail',
    ])
    // The whole list as written waits with it, so the order survives until Wave Storage arrives.
    expect(waiting.pendingRelatedTerms).toEqual(['Wave Storage', 'CloudTrail'])
    expect(waiting.seeAlso?.map((row) => row.label)).toEqual(['Wave Storage'])

    const second = await importTermDocuments(payload, [documentNamed('Wave Storage')], { status: 'published' })
    expect(second.created).toEqual(['wave-storage'])
    expect(second.linked).toEqual(['tidal-compute'])
    const linked = await findTerm('tidal-compute')
    expect((linked.relatedTerms ?? []).map((term) => (typeof term === 'object' ? term.slug : term))).toEqual([
      'wave-storage',
      'cloudtrail',
    ])
    expect(linked.pendingRelatedTerms ?? []).toEqual([])
    const seeAlsoTarget = linked.seeAlso?.[0]?.term
    expect(typeof seeAlsoTarget === 'object' && seeAlsoTarget?.slug).toBe('wave-storage')
  })
})

describe('re-importing edited content', () => {
  it('keeps what only editors set: match level, documentation link and note', async () => {
    const term = await findTerm('object-storage')
    const rows = (term.providerEquivalents ?? []).map((row, index) => ({
      ...row,
      provider: typeof row.provider === 'object' ? row.provider.id : row.provider,
      ...(index === 0 ? { matchLevel: 'exact' as const, docUrl: 'https://aws.amazon.com/s3/', note: 'Reference' } : {}),
    }))
    await payload.update({ collection: 'terms', id: term.id, data: { providerEquivalents: rows } })

    const document = seedDocuments.find((entry) => entry.slug === 'object-storage')!
    const report = await importTermDocuments(payload, [document], { status: 'published' })
    expect(countChanges(report)).toBe(0)
    const after = await findTerm('object-storage')
    expect(after.providerEquivalents?.[0]).toMatchObject({
      matchLevel: 'exact',
      docUrl: 'https://aws.amazon.com/s3/',
      note: 'Reference',
    })
  })

  it('imports a changed published term as a draft without touching the live version', async () => {
    const document = seedDocuments.find((entry) => entry.slug === 'dns')!
    const liveDefinition = document.definition
    const report = await importTermDocuments(
      payload,
      [{ ...document, definition: 'A rewritten definition waiting for review.' }],
      { status: 'draft' },
    )
    expect(report.updated).toEqual(['dns'])

    const live = await payload.find({
      collection: 'terms',
      where: { slug: { equals: 'dns' } },
      overrideAccess: false,
      draft: false,
    })
    expect(live.docs[0]?.definition).toBe(liveDefinition)
    expect((await findTerm('dns', true)).definition).toBe('A rewritten definition waiting for review.')
  })

  it('writes nothing of a term whose save fails, and still imports the others', async () => {
    const useCasesBefore = (await payload.count({ collection: 'use-cases' })).totalDocs
    const broken = documentNamed('Broken Term', {
      difficulty: 'expert' as TermDocument['difficulty'],
      useCases: [{ organization: 'Test org', scenario: 'A scenario', solution: 'A solution', outcome: null }],
    })
    const report = await importTermDocuments(payload, [broken, documentNamed('Healthy Term')], {
      status: 'published',
    })
    expect(report.failed.map((failure) => failure.slug)).toEqual(['broken-term'])
    expect(report.failed[0]?.message).toMatch(/difficulty/i)
    expect(report.created).toEqual(['healthy-term'])
    expect((await payload.count({ collection: 'use-cases' })).totalDocs).toBe(useCasesBefore)
    expect((await payload.count({ collection: 'terms', where: { slug: { equals: 'broken-term' } } })).totalDocs).toBe(0)
  })
})
