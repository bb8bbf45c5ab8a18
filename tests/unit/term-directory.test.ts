import { describe, expect, it } from 'vitest'

import { searchTerms } from '@/search/search-terms'
import {
  categoryTag,
  faqTag,
  providerTag,
  TERM_LISTS_TAG,
  termIdTag,
  termSlugTag,
  useCaseTag,
} from '@/site-cache/cache-tags'
import { documentsNamedBy } from '@/site-data/directory-sync'
import { toDirectoryTerm } from '@/site-data/directory-term'
import { plainTextToRichText } from '@/content-format/rich-text'
import { TermDirectory } from '@/site-data/term-directory'

import { directoryTerm, FakeDirectoryReader } from './support/fake-directory-reader'

/** A directory on a fake clock that only moves when the test says so. */
function directoryOver(reader: FakeDirectoryReader, errors: unknown[] = []) {
  const clock = { now: 0 }
  const directory = new TermDirectory(reader, {
    checkIntervalMs: 1_000,
    now: () => clock.now,
    batchSize: 2,
    onError: (error) => errors.push(error),
  })
  return { directory, clock }
}

const slugsFor = async (directory: TermDirectory, query: string) =>
  (await searchTerms((await directory.current()).search, query)).map((hit) => hit.slug)

const linkedBy = async (directory: TermDirectory, text: string) =>
  (await directory.upToDate()).names
    .linker(null)
    .link(text)
    .flatMap((segment) => (segment.term ? [segment.term.slug] : []))

describe('which documents a change names', () => {
  it('reads term, FAQ, category and provider ids out of the tags, and ignores the rest', async () => {
    const named = documentsNamedBy([
      termIdTag(1),
      termSlugTag('one'),
      faqTag(2),
      categoryTag(3),
      providerTag(4),
      useCaseTag(5),
      TERM_LISTS_TAG,
    ])
    expect(named).toEqual({
      terms: new Set(['1']),
      faqs: new Set(['2']),
      categories: new Set(['3']),
      providers: new Set(['4']),
    })
  })
})

describe('a stored term as the directory keeps it', () => {
  it('resolves its category, providers and FAQs, and drops the ones the public may not read', async () => {
    const term = toDirectoryTerm(
      {
        id: 7,
        title: 'Object Storage',
        slug: 'object-storage',
        definition: 'Files kept as objects.\n\nSecond paragraph.',
        aliases: ['Blob storage'],
        category: 'storage-id',
        providerEquivalents: [
          { provider: 'aws-id', service: ' Amazon S3 ' },
          { provider: 'gone-id', service: 'Hidden' },
          { provider: 'gcp-id', service: '' },
        ],
        faqs: ['faq-1', 'draft-faq'],
      },
      {
        categories: new Map([['storage-id', { id: 'storage-id', name: 'Storage', slug: 'storage' }]]),
        providers: new Map([
          ['aws-id', { id: 'aws-id', name: 'AWS' }],
          ['gcp-id', { id: 'gcp-id', name: 'GCP' }],
        ]),
        faqs: new Map([['faq-1', { question: 'How durable?', answer: plainTextToRichText('Very.') }]]),
      },
    )
    expect(term).toEqual({
      id: '7',
      title: 'Object Storage',
      slug: 'object-storage',
      definition: 'Files kept as objects.\n\nSecond paragraph.',
      summary: 'Files kept as objects.',
      aliases: ['Blob storage'],
      category: { id: 'storage-id', name: 'Storage', slug: 'storage' },
      providerEquivalents: [
        { provider: { id: 'aws-id', name: 'AWS' }, service: 'Amazon S3' },
        { provider: { id: 'gcp-id', name: 'GCP' }, service: null },
      ],
      faqs: [{ id: 'faq-1', question: 'How durable?', answerText: 'Very.' }],
      faqIds: ['faq-1'],
    })
  })
})

describe('the term directory', () => {
  it('reads every published term once, in batches, for search and linking', async () => {
    const reader = new FakeDirectoryReader(
      [1, 2, 3, 4, 5].map((n) => directoryTerm(String(n), { title: `Zephyr ${n}` })),
    )
    const { directory } = directoryOver(reader)
    expect(await slugsFor(directory, 'zephyr 4')).toEqual(['zephyr-4'])
    expect(reader.termReads).toEqual([['1', '2'], ['3', '4'], ['5']])
    expect(await linkedBy(directory, 'See Zephyr 5.')).toEqual(['zephyr-5'])
    expect(reader.idListsRead).toBe(1)
  })

  it('follows a publish, an edit, an unpublish and a delete by reading only the terms they name', async () => {
    const reader = new FakeDirectoryReader([
      directoryTerm('1', { title: 'Object Storage' }),
      directoryTerm('2', { title: 'Block Storage' }),
    ])
    const { directory, clock } = directoryOver(reader)
    await directory.current()

    reader.published.set('3', directoryTerm('3', { title: 'Cold Archive' }))
    reader.record(termIdTag(3), TERM_LISTS_TAG)
    reader.published.set('1', directoryTerm('1', { title: 'Blob Store' }))
    reader.record(termIdTag(1), TERM_LISTS_TAG)
    clock.now += 1_000
    expect(await slugsFor(directory, 'archive')).toEqual(['cold-archive'])
    expect(await slugsFor(directory, 'object')).toEqual([])
    expect(await linkedBy(directory, 'A blob store, not object storage.')).toEqual(['blob-store'])
    expect(reader.termReads.slice(1)).toEqual([['3', '1']])

    reader.published.delete('2')
    reader.record(termIdTag(2))
    clock.now += 1_000
    expect(await slugsFor(directory, 'block')).toEqual([])
    expect((await directory.current()).size).toBe(2)
  })

  it('reads again the terms that show a changed FAQ, and those that showed a deleted one', async () => {
    const faq = { id: '9', question: 'Is zephyr durable?', answerText: 'Yes.' }
    const reader = new FakeDirectoryReader([directoryTerm('1', { faqs: [faq] }), directoryTerm('2')])
    reader.faqHolders.set('9', ['1'])
    const { directory, clock } = directoryOver(reader)
    expect(await slugsFor(directory, 'durable')).toEqual(['term-1'])

    reader.published.set('1', directoryTerm('1', { faqs: [{ ...faq, question: 'Is zephyr replicated?' }] }))
    reader.record(faqTag(9))
    clock.now += 1_000
    expect(await slugsFor(directory, 'replicated')).toEqual(['term-1'])
    expect(reader.termReads.at(-1)).toEqual(['1'])

    // Deleted: the database no longer says who held it, the directory still knows.
    reader.faqHolders.delete('9')
    reader.published.set('1', directoryTerm('1'))
    reader.record(faqTag(9))
    clock.now += 1_000
    expect(await slugsFor(directory, 'replicated')).toEqual([])
  })

  it('shows a renamed category and provider without reading any term again', async () => {
    const category = { id: '7', name: 'Storage', slug: 'storage' }
    const provider = { id: '8', name: 'AWS' }
    const reader = new FakeDirectoryReader([
      directoryTerm('1', {
        title: 'Object Storage',
        category,
        providerEquivalents: [{ provider, service: 'Amazon S3' }],
      }),
    ])
    const { directory, clock } = directoryOver(reader)
    await directory.current()
    const readsAfterBuild = reader.termReads.length

    reader.categories.set('7', { ...category, name: 'Data Storage' })
    reader.providers.set('8', { id: '8', name: 'Amazon Web Services' })
    reader.record(categoryTag(7))
    reader.record(providerTag(8))
    clock.now += 1_000
    const [hit] = await searchTerms((await directory.current()).search, 'S3')
    expect(hit?.category?.name).toBe('Data Storage')
    expect(hit?.snippet.text).toBe('Amazon Web Services: Amazon S3')
    expect(reader.termReads.length).toBe(readsAfterBuild)
  })

  it('reads again the terms of a provider the public can no longer read, so its service names stop matching', async () => {
    const provider = { id: '8', name: 'AWS' }
    const reader = new FakeDirectoryReader([
      directoryTerm('1', { title: 'Object Storage', providerEquivalents: [{ provider, service: 'Amazon S3' }] }),
      directoryTerm('2', { title: 'Block Storage' }),
    ])
    const { directory, clock } = directoryOver(reader)
    await directory.current()
    expect(await slugsFor(directory, 'S3')).toEqual(['object-storage'])

    reader.published.set('1', directoryTerm('1', { title: 'Object Storage' }))
    reader.record(providerTag(8))
    clock.now += 1_000
    expect(await slugsFor(directory, 'S3')).toEqual([])
    expect(reader.termReads.at(-1)).toEqual(['1'])
  })

  it('keeps no term text, and reads the text of only the hits it shows', async () => {
    const reader = new FakeDirectoryReader(
      Array.from({ length: 30 }, (_, n) =>
        directoryTerm(String(n + 1), { title: `Zephyr ${n + 1}`, definition: `Zephyr number ${n + 1} streams.` }),
      ),
    )
    const { directory } = directoryOver(reader)
    const contents = await directory.current()
    expect(Object.keys(contents.get('1')!)).not.toContain('definition')
    const hits = await searchTerms(contents.search, 'zephyr', { limit: 8 })
    expect(hits).toHaveLength(8)
    expect(reader.textReads).toHaveLength(1)
    expect(reader.textReads[0]!.sort()).toEqual(hits.map((hit) => hit.slug.replace('zephyr-', '')).sort())
    expect(hits.every((hit) => /^Zephyr number \d+ streams\.$/.test(hit.snippet.text))).toBe(true)
  })

  it('looks at the log at most once a check interval for search, but after the call for a page that links', async () => {
    const reader = new FakeDirectoryReader([directoryTerm('1', { title: 'Object Storage' })])
    const { directory, clock } = directoryOver(reader)
    await directory.current()
    const readsAfterBuild = reader.changeReads

    reader.published.set('2', directoryTerm('2', { title: 'Cold Archive' }))
    reader.record(termIdTag(2))
    clock.now += 500
    expect(await slugsFor(directory, 'archive')).toEqual([])
    expect(reader.changeReads).toBe(readsAfterBuild)

    expect(await linkedBy(directory, 'Into the cold archive.')).toEqual(['cold-archive'])
    expect(reader.changeReads).toBe(readsAfterBuild + 1)
  })

  it('keeps a change it failed to apply and applies it on the next look', async () => {
    const errors: unknown[] = []
    const reader = new FakeDirectoryReader([directoryTerm('1')])
    const { directory, clock } = directoryOver(reader, errors)
    await directory.current()

    reader.published.set('2', directoryTerm('2', { title: 'Cold Archive' }))
    reader.record(termIdTag(2))
    reader.failNextChangeRead = true
    clock.now += 1_000
    expect(await slugsFor(directory, 'archive')).toEqual([])
    expect(errors).toHaveLength(1)
    clock.now += 1_000
    expect(await slugsFor(directory, 'archive')).toEqual(['cold-archive'])
  })

  it('reads the whole glossary again after an overflow of the log, serving the old contents meanwhile', async () => {
    const reader = new FakeDirectoryReader([
      directoryTerm('1', { title: 'Object Storage' }),
      directoryTerm('2', { title: 'Block Storage' }),
    ])
    reader.overflowAbove = 2
    const { directory, clock } = directoryOver(reader)
    await directory.current()

    reader.published.delete('1')
    for (let n = 3; n <= 6; n += 1) {
      reader.published.set(String(n), directoryTerm(String(n), { title: `Imported Storage ${n}` }))
      reader.record(termIdTag(n))
    }
    let openGate = () => {}
    reader.pageGate = new Promise((resolve) => (openGate = resolve))
    clock.now += 1_000
    // A page that links waits for the read-through; search meanwhile answers from what it has, less the
    // deleted term, whose text is gone.
    const linking = linkedBy(directory, 'Imported Storage 6, not Object Storage.')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await slugsFor(directory, 'storage')).toEqual(['block-storage'])
    openGate()
    expect(await linking).toEqual(['imported-storage-6'])
    expect((await slugsFor(directory, 'storage')).length).toBe(5)
    expect(reader.idListsRead).toBe(2)
  })

  it('lets other work run between the batches of a read of the whole glossary', async () => {
    const reader = new FakeDirectoryReader(Array.from({ length: 6 }, (_, n) => directoryTerm(String(n + 1))))
    const { directory } = directoryOver(reader)
    const order: string[] = []
    setImmediate(() => order.push('other work'))
    await directory.current()
    order.push('read done')
    expect(order).toEqual(['other work', 'read done'])
  })

  it('gives up a first read that failed and tries again on the next request', async () => {
    const reader = new FakeDirectoryReader([directoryTerm('1', { title: 'Object Storage' })])
    reader.failNextChangeRead = true
    const { directory } = directoryOver(reader)
    await expect(directory.current()).rejects.toThrow('database is away')
    expect(await slugsFor(directory, 'object')).toEqual(['object-storage'])
  })
})
