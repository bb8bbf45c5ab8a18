import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { createTermLinker, TermNameIndex, type LinkableTerm, type TextSegment } from '@/site-data/auto-link'

import { createRegexTermLinker } from './support/regex-term-linker'

const TERMS: LinkableTerm[] = [
  { id: '1', title: 'Object Storage', slug: 'object-storage', aliases: ['blob storage'], summary: 'Files as objects.' },
  { id: '2', title: 'Storage', slug: 'storage', aliases: [], summary: 'Keeping data.' },
  { id: '3', title: 'Identity and Access Management', slug: 'iam', aliases: ['IAM'], summary: 'Who may do what.' },
  { id: '4', title: 'Virtual Machine', slug: 'virtual-machine', aliases: ['VM'], summary: 'A computer in software.' },
  { id: '5', title: 'CloudTrail', slug: 'cloudtrail', aliases: [], summary: 'API activity log.' },
]

const linkedSlugs = (segments: { term?: LinkableTerm }[]) =>
  segments.flatMap((segment) => (segment.term ? [segment.term.slug] : []))

describe('glossary auto-linking', () => {
  it('links a mention of another term and keeps the surrounding text intact', () => {
    const text = 'Logs land in object storage for a year.'
    const segments = createTermLinker(TERMS, 'cloudtrail').link(text)
    expect(segments.map((segment) => segment.text).join('')).toBe(text)
    expect(segments.find((segment) => segment.term)).toMatchObject({
      text: 'object storage',
      term: { slug: 'object-storage' },
    })
  })

  it('prefers the longest name at a position', () => {
    expect(linkedSlugs(createTermLinker(TERMS, null).link('Use Object Storage here.'))).toEqual(['object-storage'])
  })

  it('links aliases and matches all-capital names only in capitals', () => {
    expect(linkedSlugs(createTermLinker(TERMS, null).link('Grant IAM roles.'))).toEqual(['iam'])
    expect(linkedSlugs(createTermLinker(TERMS, null).link('I am here, iam is lowercase.'))).toEqual([])
  })

  it('never links inside a longer word', () => {
    expect(linkedSlugs(createTermLinker(TERMS, null).link('Storages and CloudTrails'))).toEqual([])
  })

  it('does not link the page to itself', () => {
    expect(linkedSlugs(createTermLinker(TERMS, 'cloudtrail').link('CloudTrail records calls.'))).toEqual([])
  })

  it('links each term once per page, across several texts', () => {
    const linker = createTermLinker(TERMS, null)
    expect(linkedSlugs(linker.link('Storage, then storage again.'))).toEqual(['storage'])
    expect(linkedSlugs(linker.link('More storage and a VM.'))).toEqual([])
  })

  it('ignores names shorter than three characters', () => {
    expect(linkedSlugs(createTermLinker(TERMS, null).link('Start a VM now.'))).toEqual([])
  })

  it('treats regular-expression characters in names literally', () => {
    const terms = [{ id: 'cpp', title: 'C++ (runtime)', slug: 'cpp', aliases: [], summary: '' }]
    expect(linkedSlugs(createTermLinker(terms, null).link('Runs C++ (runtime) code; C+ is not it.'))).toEqual(['cpp'])
  })

  it('reports the terms it linked, so the page can depend on exactly those', () => {
    const linker = createTermLinker(TERMS, null)
    linker.link('Grant IAM roles to each VM.')
    linker.link('Logs go to object storage, and storage is cheap.')
    expect(linker.linkedTerms().map((term) => term.id)).toEqual(['3', '1', '2'])
  })

  it('lets the first term from A to Z have a name two terms share', () => {
    const shared = [
      { id: 'b', title: 'Bucket', slug: 'bucket', aliases: ['Blob Store'], summary: '' },
      { id: 'a', title: 'Azure Blob', slug: 'azure-blob', aliases: ['blob store'], summary: '' },
    ]
    expect(linkedSlugs(createTermLinker(shared, null).link('Put it in the blob store.'))).toEqual(['azure-blob'])
  })
})

describe('the name index behind the linker', () => {
  it('replaces and deletes a term whose title and alias differ only in case', () => {
    const index = new TermNameIndex()
    const kms = { id: 'k', title: 'Kms Vault', slug: 'kms', aliases: ['KMS VAULT'], summary: '' }
    index.set(kms)
    index.set({ ...kms, title: 'Key Vault', aliases: ['KEY VAULT'] })
    expect(linkedSlugs(index.linker(null).link('A kms vault or a key vault.'))).toEqual(['kms'])
    index.delete('k')
    expect(linkedSlugs(index.linker(null).link('A key vault.'))).toEqual([])
    expect(index.size).toBe(0)
  })

  it('links a term added later, by its new name once replaced, and not at all once deleted', () => {
    const index = new TermNameIndex()
    index.set(TERMS[1]!)
    expect(linkedSlugs(index.linker(null).link('Object Storage holds it.'))).toEqual(['storage'])
    index.set(TERMS[0]!)
    expect(linkedSlugs(index.linker(null).link('Object Storage holds it.'))).toEqual(['object-storage'])
    index.set({ ...TERMS[0]!, title: 'Bucket Storage', aliases: [] })
    expect(linkedSlugs(index.linker(null).link('Object Storage in Bucket Storage.'))).toEqual([
      'storage',
      'object-storage',
    ])
    index.delete(TERMS[0]!.id)
    expect(linkedSlugs(index.linker(null).link('Bucket Storage.'))).toEqual(['storage'])
  })
})

// Pieces names and texts are made of: acronyms, punctuation at either end, accents, Greek final sigma,
// numbers and names that contain other names.
const PIECES = [
  'Storage',
  'storage',
  'Object',
  'object',
  'IAM',
  'iam',
  'VM',
  'C++',
  '(runtime)',
  '.NET',
  'ΣΑΣ',
  'σας',
  'σασ',
  'ſtorage',
  'Résumé',
  'resume',
  'S3',
  '2FA',
  'x-ray',
  'Key',
  'Vault',
  'ключ',
]
const SEPARATORS = [' ', ' ', ', ', '. ', '-', '', '\n', '(', ')', '/', "'"]

const nameArbitrary = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '-', '', "'"))
  .map(([pieces, joiner]) => pieces.join(joiner))

const termsArbitrary = fc
  .array(fc.record({ title: nameArbitrary, aliases: fc.array(nameArbitrary, { maxLength: 2 }) }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((terms) =>
    terms
      .map((term, index): LinkableTerm => ({ ...term, id: String(index), slug: `term-${index}`, summary: '' }))
      // The site hands the linker its terms from A to Z, which decides who gets a name two terms share.
      .sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : 1)),
  )

const textArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 20 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''))

const shape = (segments: TextSegment[]) => segments.map((segment) => [segment.text, segment.term?.slug ?? null])

describe('the token linker against the regular-expression linker it replaced', () => {
  it('links exactly what one regular expression over every name linked, text after text', () => {
    fc.assert(
      fc.property(
        termsArbitrary,
        fc.array(textArbitrary, { minLength: 1, maxLength: 3 }),
        fc.nat(9),
        (terms, texts, current) => {
          const currentSlug = current < terms.length ? terms[current]!.slug : null
          const expected = createRegexTermLinker(terms, currentSlug)
          const actual = createTermLinker(terms, currentSlug)
          for (const text of texts) expect(shape(actual.link(text))).toEqual(shape(expected.link(text)))
        },
      ),
      { numRuns: 500 },
    )
  }, 60_000)
})

describe('a name index changed term by term', () => {
  it('links like one built from the final terms, whatever was added, replaced and deleted before', () => {
    fc.assert(
      fc.property(
        termsArbitrary,
        termsArbitrary,
        fc.array(fc.nat(7), { maxLength: 4 }),
        textArbitrary,
        (before, after, deleted, text) => {
          const index = new TermNameIndex()
          for (const term of before) index.set(term)
          for (const term of after) index.set(term)
          for (const position of deleted) index.delete(String(position))
          const remaining = after.filter((term) => !deleted.includes(Number(term.id)))
          const kept = before.filter(
            (term) => !deleted.includes(Number(term.id)) && !after.some((other) => other.id === term.id),
          )
          const final = [...remaining, ...kept].sort(
            (a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : 1),
          )
          expect(shape(index.linker(null).link(text))).toEqual(shape(createRegexTermLinker(final, null).link(text)))
        },
      ),
      { numRuns: 500 },
    )
  }, 60_000)
})
