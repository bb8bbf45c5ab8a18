import { beforeAll, describe, expect, it } from 'vitest'

import { MAX_SEARCH_QUERY_LENGTH, normalizeSearchQuery } from '@/search/search-text'
import { searchTerms } from '@/search/search-terms'
import { buildTermSearchIndex, TermSearchIndex, type SearchableTerm, type SearchText } from '@/search/term-search-index'

import { readSeedSearchTerms } from './support/seed-search-terms'

const marked = ({ text, ranges }: { text: string; ranges: { start: number; end: number }[] }) =>
  ranges.map((range) => text.slice(range.start, range.end))

function term(slug: string, fields: Partial<SearchableTerm> = {}): SearchableTerm {
  return {
    id: slug,
    title: slug,
    slug,
    definition: 'A placeholder definition about computers.',
    aliases: [],
    category: null,
    providerEquivalents: [],
    faqs: [],
    ...fields,
  }
}

describe('search over the seeded glossary', () => {
  let index: TermSearchIndex
  beforeAll(async () => {
    index = buildTermSearchIndex(await readSeedSearchTerms())
  })

  it('forgives a typo: "kubernets" finds Kubernetes first', async () => {
    const [first] = await searchTerms(index, 'kubernets')
    expect(first?.slug).toBe('kubernetes')
    expect(first?.matchedField).toBe('title')
    expect(marked(first!.title)).toEqual(['Kubernetes'])
  })

  it('matches the start of a word: "kube" finds Kubernetes', async () => {
    expect((await searchTerms(index, 'kube'))[0]?.slug).toBe('kubernetes')
  })

  it('finds a term by a provider service name: "Key Vault" finds Key Management Service', async () => {
    const hits = await searchTerms(index, 'Key Vault')
    expect(hits[0]?.slug).toBe('key-management-service')
    expect(hits[0]?.snippet.text).toContain('Azure: Azure Key Vault')
    expect(marked(hits[0]!.snippet)).toContain('Key Vault')
  })

  it('reports a service match when only a service name matched', async () => {
    const [first] = await searchTerms(index, 'BigQuery')
    expect(first).toMatchObject({ slug: 'data-warehouse', matchedField: 'services' })
    expect(first?.snippet.text).toBe('GCP: BigQuery')
    expect(marked(first!.snippet)).toEqual(['BigQuery'])
  })

  it('searches FAQ questions and answers and shows the FAQ that matched', async () => {
    const [byQuestion] = await searchTerms(index, 'envelope encryption')
    expect(byQuestion).toMatchObject({ slug: 'key-management-service', matchedField: 'faqs' })
    expect(byQuestion?.snippet.text).toMatch(/^What is envelope encryption\?/)
    expect(marked(byQuestion!.snippet)[0]).toBe('envelope encryption')

    const [byAnswer] = await searchTerms(index, 'smallest unit')
    expect(byAnswer).toMatchObject({ slug: 'kubernetes', matchedField: 'faqs' })
  })

  it('cuts a long snippet around the match, with ellipses where text was left out', async () => {
    const hit = (await searchTerms(index, 'envelope', { snippetLength: 60 })).find(
      (result) => result.slug === 'event-bus',
    )
    expect(hit?.snippet.text.startsWith('…')).toBe(true)
    expect(hit!.snippet.text.length).toBeLessThanOrEqual(62)
    expect(marked(hit!.snippet)).toEqual(['envelope'])
  })

  it('returns at most `limit` results', async () => {
    expect(await searchTerms(index, 'cloud', { limit: 3 })).toHaveLength(3)
  })

  it('returns nothing for an empty, blank or punctuation-only query', async () => {
    expect(await searchTerms(index, '')).toEqual([])
    expect(await searchTerms(index, '   ')).toEqual([])
    expect(await searchTerms(index, '?!—')).toEqual([])
  })

  it('returns nothing for a word that resembles no term', async () => {
    expect(await searchTerms(index, 'xqzt')).toEqual([])
  })

  it('searches only the first 100 characters of an oversized query', async () => {
    const oversized = `kubernetes ${'zzzz '.repeat(2_000)}`
    expect(normalizeSearchQuery(oversized).length).toBeLessThanOrEqual(MAX_SEARCH_QUERY_LENGTH)
    expect((await searchTerms(index, oversized))[0]?.slug).toBe('kubernetes')
    expect(await searchTerms(index, `${'z'.repeat(MAX_SEARCH_QUERY_LENGTH)}kubernetes`)).toEqual([])
  })
})

describe('ranking and aliases', () => {
  // The same rare word in a different field of each term, so only the field boosts decide the order.
  const index = buildTermSearchIndex([
    term('in-faq', { faqs: [{ question: 'Is zephyr supported?', answerText: 'Yes.' }] }),
    term('in-definition', { definition: 'A placeholder definition about zephyr computers.' }),
    term('in-service', { providerEquivalents: [{ provider: { name: 'AWS' }, service: 'Amazon Zephyr' }] }),
    term('in-alias', { aliases: ['Zephyr store'] }),
    term('in-title', { title: 'Zephyr Gateway' }),
  ])

  it('ranks title over aliases over services over definition over FAQs', async () => {
    expect((await searchTerms(index, 'zephyr')).map((hit) => [hit.slug, hit.matchedField])).toEqual([
      ['in-title', 'title'],
      ['in-alias', 'aliases'],
      ['in-service', 'services'],
      ['in-definition', 'definition'],
      ['in-faq', 'faqs'],
    ])
  })

  it('finds a term by an alias and shows the aliases as the snippet', async () => {
    const [hit] = await searchTerms(index, 'store')
    expect(hit).toMatchObject({ slug: 'in-alias', matchedField: 'aliases' })
    expect(hit?.snippet.text).toBe('Also known as Zephyr store')
    expect(marked(hit!.snippet)).toEqual(['store'])
  })

  it('prefers terms that match every word, and falls back to any word', async () => {
    expect((await searchTerms(index, 'zephyr gateway')).map((hit) => hit.slug)).toEqual(['in-title'])
    expect((await searchTerms(index, 'gateway nonexistentword')).map((hit) => hit.slug)).toEqual(['in-title'])
    expect(await searchTerms(index, 'gateway nonexistentword', { allWords: true })).toEqual([])
  })
})

describe('an index that follows the glossary one term at a time', () => {
  it('finds a term as soon as it is added, by its new words once replaced, and not at all once deleted', async () => {
    const index = buildTermSearchIndex([term('first', { title: 'First term' })])
    expect(await searchTerms(index, 'second')).toEqual([])

    index.set(term('second', { title: 'Second term' }))
    expect((await searchTerms(index, 'second')).map((hit) => hit.slug)).toEqual(['second'])

    index.set(term('second', { title: 'Renamed gateway', slug: 'renamed-gateway', id: 'second' }))
    expect(await searchTerms(index, 'second')).toEqual([])
    expect((await searchTerms(index, 'gateway')).map((hit) => hit.slug)).toEqual(['renamed-gateway'])
    expect(index.size).toBe(2)

    index.delete('second')
    expect(await searchTerms(index, 'gateway')).toEqual([])
    expect((await searchTerms(index, 'first')).map((hit) => hit.slug)).toEqual(['first'])
  })

  it('ranks the same after any sequence of changes as an index built from the final terms', async () => {
    const final = [
      term('alpha', { title: 'Zephyr Gateway', definition: 'Routes zephyr traffic between regions.' }),
      term('beta', { aliases: ['Zephyr store'], definition: 'Stores zephyr objects.' }),
      term('gamma', { faqs: [{ question: 'Is zephyr supported?', answerText: 'Yes, zephyr is.' }] }),
    ]
    const changed = buildTermSearchIndex([term('beta'), term('delta', { title: 'Zephyr delta' }), term('gamma')])
    changed.set(final[0]!)
    changed.delete('delta')
    changed.set(final[1]!)
    changed.set(final[2]!)
    const rebuilt = buildTermSearchIndex(final)
    for (const query of ['zephyr', 'zephir', 'zeph', 'gateway regions', 'store']) {
      expect(await searchTerms(changed, query)).toEqual(await searchTerms(rebuilt, query))
    }
  })

  it('shows a new category without the text, and refuses to when the indexed names changed', async () => {
    const index = buildTermSearchIndex([term('alpha', { title: 'Zephyr Gateway' })])
    const { definition: _definition, faqs: _faqs, ...entry } = term('alpha', { title: 'Zephyr Gateway' })
    index.replaceEntry({ ...entry, category: { name: 'Networking', slug: 'networking' } })
    expect((await searchTerms(index, 'zephyr'))[0]?.category).toEqual({ name: 'Networking', slug: 'networking' })
    expect(() => index.replaceEntry({ ...entry, title: 'Renamed' })).toThrow('its names changed')
    expect(() => index.replaceEntry({ ...entry, id: 'missing' })).toThrow('holds no term "missing"')
  })
})

describe('the text of the hits shown', () => {
  it('is read once per search, for the hits shown only, and a term whose text is gone is left out', async () => {
    const texts = new Map<string, SearchText>()
    const reads: string[][] = []
    const faqReads: string[][] = []
    const index = new TermSearchIndex({
      keep: (id, text) => void texts.set(id, text),
      forget: (id) => void texts.delete(id),
      read: async (ids, withFaqs) => {
        reads.push([...ids])
        faqReads.push([...withFaqs])
        return new Map(ids.flatMap((id) => (texts.has(id) ? [[id, texts.get(id)!] as const] : [])))
      },
    })
    for (const slug of ['one', 'two', 'three', 'four']) index.set(term(slug, { title: `Zephyr ${slug}` }))
    index.set(term('five', { faqs: [{ question: 'Does it quiver?', answerText: 'It does.' }] }))
    expect(await searchTerms(index, 'quiver')).toMatchObject([
      { slug: 'five', snippet: { text: 'Does it quiver? It does.' } },
    ])
    // FAQs are read only for the hits whose snippet is a FAQ.
    expect(faqReads).toEqual([['five']])
    reads.length = 0
    faqReads.length = 0
    texts.delete('two')
    const hits = await searchTerms(index, 'zephyr', { limit: 3 })
    expect(reads).toEqual([['four', 'one', 'three']].map((ids) => expect.arrayContaining(ids)))
    expect(reads[0]).toHaveLength(3)
    expect(hits.map((hit) => hit.slug)).toEqual(['four', 'one', 'three'])
    // 'two' is among the three best, but its text is gone:
    expect((await searchTerms(index, 'zephyr two')).map((hit) => hit.slug)).not.toContain('two')
    expect(reads.at(-1)).toContain('two')
    expect(hits.every((hit) => hit.snippet.text === 'A placeholder definition about computers.')).toBe(true)
    expect(faqReads[0]).toEqual([])
  })
})
