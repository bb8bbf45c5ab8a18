// The published-term directory on a real database: it reads a glossary of more than two batches of
// generated terms as the public, then follows publishes, edits, unpublishes and deletes of terms and
// FAQs through the real content-changes log, reading again only the terms each change names.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { generatedEntry, GENERATED_CATEGORIES } from '../../bench/generated-glossary'
import { plainTextToRichText } from '@/content-format/rich-text'
import { searchTerms } from '@/search/search-terms'
import type { Category, Provider } from '@/payload-types'
import type { DirectoryReader } from '@/site-data/directory-sync'
import { createPayloadDirectoryReader } from '@/site-data/payload-directory-reader'
import { TermDirectory } from '@/site-data/term-directory'

import { getTestPayload, QUIET, seedProvidersForTest } from './support/harness'

const GLOSSARY_SIZE = 1_200
let payload: Payload
let categories: Map<string, Category>
let providers: Provider[]
let directory: TermDirectory
const termReads: string[][] = []
const textReads: string[][] = []

function termData(index: number) {
  const entry = generatedEntry(index, GLOSSARY_SIZE)
  return {
    title: entry.title,
    slug: entry.slug,
    definition: entry.definition,
    category: categories.get(entry.category)!.id,
    difficulty: entry.difficulty,
    providerEquivalents: providers.map((provider) => ({
      provider: provider.id,
      service: `${provider.name} ${entry.title}`,
    })),
  }
}

/** Terms matching every word (made-up words, so no generated term matches them too). */
const slugsFor = async (query: string) =>
  (await searchTerms((await directory.upToDate()).search, query, { allWords: true })).map((hit) => hit.slug)

async function publishTerm(title: string, fields: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'terms',
    data: { ...termData(0), title, slug: undefined, ...fields, _status: 'published' } as never,
    ...QUIET,
  })
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedProvidersForTest(payload)
  providers = (await payload.find({ collection: 'providers', sort: 'displayOrder', pagination: false })).docs
  categories = new Map()
  for (const slug of GENERATED_CATEGORIES) {
    categories.set(
      slug,
      await payload.create({ collection: 'categories', data: { name: slug[0]!.toUpperCase() + slug.slice(1), slug } }),
    )
  }
  for (let index = 0; index < GLOSSARY_SIZE; index += 1) {
    await payload.create({ collection: 'terms', data: { ...termData(index), _status: 'published' }, ...QUIET })
  }
  // A draft the public must never see.
  await payload.create({
    collection: 'terms',
    data: { ...termData(0), title: 'Secret Draft Gateway', slug: 'secret-draft-gateway' },
    draft: true,
    ...QUIET,
  })
  const reader = createPayloadDirectoryReader(async () => payload)
  const recording: DirectoryReader = {
    ...reader,
    readTerms: (ids) => {
      termReads.push([...ids])
      return reader.readTerms(ids)
    },
    readTermTexts: (ids, withFaqs) => {
      textReads.push([...ids])
      return reader.readTermTexts(ids, withFaqs)
    },
  }
  directory = new TermDirectory(recording, { checkIntervalMs: 0 })
}, 600_000)

describe('the term directory on a real database', () => {
  it('holds every published term, read in batches as the public, and no draft', async () => {
    const contents = await directory.current()
    expect(contents.size).toBe(GLOSSARY_SIZE)
    expect(termReads.map((ids) => ids.length)).toEqual([500, 500, 200])
    termReads.length = 0
    expect(await slugsFor(generatedEntry(1_100, GLOSSARY_SIZE).title)).toContain(
      generatedEntry(1_100, GLOSSARY_SIZE).slug,
    )
    expect(await slugsFor('Secret Draft Gateway')).not.toContain('secret-draft-gateway')
    const [hit] = await searchTerms(contents.search, `AWS ${generatedEntry(7, GLOSSARY_SIZE).title}`)
    expect(hit).toMatchObject({ slug: generatedEntry(7, GLOSSARY_SIZE).slug, matchedField: 'title' })
  })

  it('follows a publish, a draft saved over it, an edit, an unpublish and a delete', async () => {
    const term = await publishTerm('Quokka Tesseract')
    expect(await slugsFor('quokka')).toEqual(['quokka-tesseract'])
    expect(termReads.at(-1)).toEqual([String(term.id)])
    const linker = (await directory.upToDate()).names.linker(null)
    expect(linker.link('Entries go to the Quokka Tesseract.').find((segment) => segment.term)?.term?.id).toBe(
      String(term.id),
    )

    await payload.update({
      collection: 'terms',
      id: term.id,
      data: { title: 'Quokka Draft Title' },
      draft: true,
      ...QUIET,
    })
    expect(await slugsFor('quokka')).toEqual(['quokka-tesseract'])

    await payload.update({
      collection: 'terms',
      id: term.id,
      data: { title: 'Wombat Tesseract', slug: 'wombat-tesseract', _status: 'published' },
      ...QUIET,
    })
    expect(await slugsFor('wombat tesseract')).toEqual(['wombat-tesseract'])
    expect(await slugsFor('quokka')).toEqual([])

    await payload.update({
      collection: 'terms',
      id: term.id,
      data: { workflowStage: 'unpublished' },
      draft: false,
      ...QUIET,
    })
    expect(await slugsFor('wombat tesseract')).toEqual([])

    await payload.update({
      collection: 'terms',
      id: term.id,
      data: { _status: 'published', workflowStage: 'published' },
      ...QUIET,
    })
    expect(await slugsFor('wombat tesseract')).toEqual(['wombat-tesseract'])
    await payload.delete({ collection: 'terms', id: term.id, ...QUIET })
    expect(await slugsFor('wombat tesseract')).toEqual([])
    expect((await directory.current()).size).toBe(GLOSSARY_SIZE)
    expect(termReads.every((ids) => ids.length === 1)).toBe(true)
  })

  it('keeps no term text in memory, and shows the published text of the hits shown, never a draft', async () => {
    const contents = await directory.upToDate()
    expect(Object.keys(contents.get(contents.ids()[0]!)!)).not.toContain('definition')
    const faq = await payload.create({
      collection: 'faqs',
      data: {
        question: 'Can an ibex climb it?',
        answer: plainTextToRichText('Only a published ibex.'),
        _status: 'published',
      },
      ...QUIET,
    })
    const term = await publishTerm('Ibex Manifold', {
      definition: 'A manifold for ibex herds, as published.',
      faqs: [faq.id],
    })
    await payload.update({
      collection: 'terms',
      id: term.id,
      data: { definition: 'A manifold for ibex herds, with the zyzzyva draft words.' },
      draft: true,
      ...QUIET,
    })
    textReads.length = 0
    const search = (await directory.upToDate()).search
    const [byTitle] = await searchTerms(search, 'ibex manifold')
    expect(byTitle).toMatchObject({
      slug: 'ibex-manifold',
      snippet: { text: 'A manifold for ibex herds, as published.' },
    })
    const [byFaq] = await searchTerms(search, 'climb')
    expect(byFaq).toMatchObject({
      slug: 'ibex-manifold',
      matchedField: 'faqs',
      snippet: { text: 'Can an ibex climb it? Only a published ibex.' },
    })
    expect(await searchTerms(search, 'zyzzyva')).toEqual([])
    // Only the hits shown had their text read, and the definition once: then it is kept; the FAQ was read
    // for the FAQ snippet.
    expect(textReads).toEqual([[String(term.id)], [String(term.id)]])
    expect((await searchTerms(search, 'ibex manifold'))[0]?.snippet.text).toBe(
      'A manifold for ibex herds, as published.',
    )
    expect(textReads).toHaveLength(2)

    // A published edit shows at once; an unpublished term shows no more.
    await payload.update({
      collection: 'terms',
      id: term.id,
      data: { definition: 'A manifold for ibex herds, edited.', _status: 'published' },
      ...QUIET,
    })
    expect((await searchTerms((await directory.upToDate()).search, 'ibex manifold'))[0]?.snippet.text).toBe(
      'A manifold for ibex herds, edited.',
    )
    await payload.update({
      collection: 'terms',
      id: term.id,
      data: { workflowStage: 'unpublished' },
      draft: false,
      ...QUIET,
    })
    expect(await searchTerms((await directory.upToDate()).search, 'ibex manifold')).toEqual([])
    await payload.delete({ collection: 'terms', id: term.id, ...QUIET })
    await payload.delete({ collection: 'faqs', id: faq.id, ...QUIET })
  })

  it('follows a FAQ published, edited, unpublished and deleted, through the term that shows it', async () => {
    const faq = await payload.create({
      collection: 'faqs',
      data: {
        question: 'Does it frobnicate across zones?',
        answer: plainTextToRichText('Only with the zorblax option.'),
        _status: 'published',
      },
      ...QUIET,
    })
    const term = await publishTerm('Narwhal Cache', { faqs: [faq.id] })
    expect(await slugsFor('zorblax')).toEqual(['narwhal-cache'])

    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { question: 'Does it glorp across shards?', _status: 'published' },
      ...QUIET,
    })
    expect(await slugsFor('glorp shards')).toEqual(['narwhal-cache'])
    expect(termReads.at(-1)).toEqual([String(term.id)])

    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { workflowStage: 'unpublished' },
      draft: false,
      ...QUIET,
    })
    expect(await slugsFor('glorp shards')).toEqual([])

    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { _status: 'published', workflowStage: 'published' },
      ...QUIET,
    })
    expect(await slugsFor('glorp shards')).toEqual(['narwhal-cache'])
    await payload.delete({ collection: 'faqs', id: faq.id, ...QUIET })
    expect(await slugsFor('glorp shards')).toEqual([])
    expect(await slugsFor('narwhal')).toEqual(['narwhal-cache'])
  })

  it('shows a renamed category on its terms without reading them again', async () => {
    const readsBefore = termReads.length
    await payload.update({
      collection: 'categories',
      id: categories.get('storage')!.id,
      data: { name: 'Data Storage' },
    })
    const storageTerm = generatedEntry(GENERATED_CATEGORIES.indexOf('storage'), GLOSSARY_SIZE)
    const [hit] = await searchTerms((await directory.upToDate()).search, storageTerm.title)
    expect(hit).toMatchObject({ slug: storageTerm.slug, category: { name: 'Data Storage', slug: 'storage' } })
    expect(termReads.length).toBe(readsBefore)
  })
})
