import { describe, expect, it } from 'vitest'

import { shownTermTexts } from '@/site-data/shown-term-texts'

import { directoryTerm, FakeDirectoryReader } from './support/fake-directory-reader'

const faq = { id: '9', question: 'Is it replicated?', answerText: 'Across three zones.' }
const NONE = new Set<string>()

function glossary() {
  return new FakeDirectoryReader([
    directoryTerm('1', { title: 'Object Storage', definition: 'Files kept as objects.', faqs: [faq] }),
    directoryTerm('2', { title: 'Block Storage', definition: 'Disks over the network.' }),
  ])
}

describe('the text of the search hits shown', () => {
  it('is read from the database once, then served from memory', async () => {
    const reader = glossary()
    const texts = shownTermTexts(reader)
    expect(await texts.read(['1', '2'], NONE)).toEqual(
      new Map([
        ['1', { definition: 'Files kept as objects.', faqs: [] }],
        ['2', { definition: 'Disks over the network.', faqs: [] }],
      ]),
    )
    expect(await texts.read(['2', '1'], NONE)).toEqual(
      new Map([
        ['2', { definition: 'Disks over the network.', faqs: [] }],
        ['1', { definition: 'Files kept as objects.', faqs: [] }],
      ]),
    )
    expect(reader.textReads).toEqual([['1', '2']])
  })

  it('reads the FAQs of a term whose definition alone was kept, once they are asked for', async () => {
    const reader = glossary()
    const texts = shownTermTexts(reader)
    await texts.read(['1'], NONE)
    expect((await texts.read(['1'], new Set(['1']))).get('1')?.faqs).toEqual([faq])
    expect((await texts.read(['1'], new Set(['1']))).get('1')?.faqs).toEqual([faq])
    expect(reader.textReads).toEqual([['1'], ['1']])
  })

  it('shows the new text of an edited term and nothing of a deleted one, without reading them again', async () => {
    const reader = glossary()
    const texts = shownTermTexts(reader)
    await texts.read(['1', '2'], NONE)
    texts.keep('1', { definition: 'Objects, edited.', faqs: [] })
    expect((await texts.read(['1'], NONE)).get('1')?.definition).toBe('Objects, edited.')
    expect(reader.textReads).toHaveLength(1)

    texts.forget('2')
    reader.published.delete('2')
    expect(await texts.read(['2'], NONE)).toEqual(new Map())
  })

  it('does not keep a text read while a change was applied: it may be the version before the change', async () => {
    const reader = glossary()
    const texts = shownTermTexts(reader)
    const reading = texts.read(['1'], NONE)
    texts.keep('2', { definition: 'Disks, edited.', faqs: [] })
    await reading
    await texts.read(['1'], NONE)
    expect(reader.textReads).toEqual([['1'], ['1']])
  })

  it('stays within its size, dropping the least recently shown', async () => {
    const reader = glossary()
    const texts = shownTermTexts(reader, 'Files kept as objects.'.length + 5)
    await texts.read(['1'], NONE)
    await texts.read(['2'], NONE)
    await texts.read(['1'], NONE)
    expect(reader.textReads).toEqual([['1'], ['2'], ['1']])
  })
})
