import fc from 'fast-check'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'

import {
  bitParallelEditDistance,
  boundedEditDistance,
  CloseNameIndex,
  MAX_BIT_PARALLEL_LENGTH,
  patternMasks,
} from '@/search/close-name-index'
import { normalizeWord, splitWords } from '@/search/search-text'
import { TextIndex, type QueryOptions } from '@/search/text-index'

const FIELDS = ['title', 'body'] as const
type Field = (typeof FIELDS)[number]
type Doc = { id: string } & Record<Field, string>

// Few words, several alike, so queries hit prefixes ("gate" → "gateway"), typos ("getaway") and accents.
const WORDS = [
  'gateway',
  'getaway',
  'gate',
  'gates',
  'Résumé',
  'resume',
  'queue',
  'queues',
  'ledger',
  'cache',
  'cached',
  'vault',
  'S3',
  'iam',
]

const textArbitrary = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((words) => words.join(' '))
const docsArbitrary = fc
  .array(fc.record({ title: textArbitrary, body: textArbitrary }), { minLength: 1, maxLength: 12 })
  .map((docs) => docs.map((doc, index): Doc => ({ id: `doc-${index}`, ...doc })))
const queryArbitrary = fc
  .array(
    fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom('gat', 'gatewya', 'quue', 'ledgr', 'cach', 'vaul', 're')),
    { minLength: 1, maxLength: 3 },
  )
  .map((words) => words.join(' '))

const fuzzy = (word: string) => (word.length < 4 ? 0 : word.length < 7 ? 1 : 2)
const prefix = (word: string) => word.length >= 2

function options(combine: 'all' | 'any', fields: readonly Field[] = FIELDS): QueryOptions<Field> {
  return {
    fields,
    boost: { title: 8, body: 1.5 },
    fuzzy,
    prefix,
    weights: { fuzzy: 0.45, prefix: 0.6 },
    combine,
    limit: 1_000,
  }
}

function textIndexOf(docs: Doc[]): TextIndex<Field> {
  const index = new TextIndex<Field>(FIELDS, { tokenize: splitWords, processTerm: normalizeWord })
  for (const doc of docs) index.add(doc.id, doc)
  return index
}

/** Results as comparable rows: key, score to 9 significant digits, and the (word, field) pairs matched. */
function rows(
  results: { key: string; score: number; match: ReadonlyMap<string, readonly string[]> | Record<string, string[]> }[],
) {
  return results
    .map((result) => {
      const match = result.match instanceof Map ? [...result.match] : Object.entries(result.match)
      const pairs = match
        .flatMap(([word, fields]: [string, readonly string[]]) => fields.map((field) => `${word}:${field}`))
        .sort()
      return { key: result.key, score: Number(result.score.toPrecision(9)), pairs }
    })
    .sort((a, b) => (a.key < b.key ? -1 : 1))
}

describe('the text index against MiniSearch, whose ranking it keeps', () => {
  it('finds the same documents with the same scores and matched words', () => {
    fc.assert(
      fc.property(
        docsArbitrary,
        queryArbitrary,
        fc.constantFrom('all' as const, 'any' as const),
        (docs, query, combine) => {
          const miniSearch = new MiniSearch<Doc>({
            fields: [...FIELDS],
            tokenize: splitWords,
            processTerm: normalizeWord,
          })
          miniSearch.addAll(docs)
          const expected = miniSearch.search(query, {
            boost: { title: 8, body: 1.5 },
            fuzzy,
            prefix,
            combineWith: combine === 'all' ? 'AND' : 'OR',
            weights: { fuzzy: 0.45, prefix: 0.6 },
          })
          const actual = textIndexOf(docs).search(query, options(combine))
          expect(rows(actual)).toEqual(
            rows(expected.map((result) => ({ key: String(result.id), score: result.score, match: result.match }))),
          )
          // Best first.
          expect(actual.map((result) => result.score)).toEqual(
            [...actual.map((result) => result.score)].sort((a, b) => b - a),
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('ranks the same after adding, replacing and removing documents as when built from the final ones', () => {
    fc.assert(
      fc.property(docsArbitrary, docsArbitrary, queryArbitrary, (before, after, query) => {
        const changed = textIndexOf(before)
        for (const doc of before) if (!after.some((other) => other.id === doc.id)) changed.remove(doc.id)
        for (const doc of after) {
          const old = before.find((other) => other.id === doc.id)
          if (old) changed.remove(doc.id)
          changed.add(doc.id, doc)
        }
        // Words come out of the radix tree in an order that depends on its history, so sums may differ in the last bit.
        expect(rows(changed.search(query, options('any')))).toEqual(
          rows(textIndexOf(after).search(query, options('any'))),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('returns only the best `limit`, and searches only the fields asked for', () => {
    const index = textIndexOf([
      { id: 'a', title: 'gateway', body: '' },
      { id: 'b', title: '', body: 'gateway' },
      { id: 'c', title: 'gateway gateway', body: 'gateway' },
    ])
    expect(index.search('gateway', { ...options('all'), limit: 2 }).map((result) => result.key)).toEqual(['c', 'a'])
    expect(
      index
        .search('gateway', options('all', ['body']))
        .map((result) => result.key)
        .sort(),
    ).toEqual(['b', 'c'])
  })

  it('forgets the words of a removed document, so they match nothing and take no memory', () => {
    const index = textIndexOf([
      { id: 'a', title: 'ledger archive', body: 'gateway' },
      { id: 'b', title: 'gateway', body: '' },
    ])
    expect(index.wordCount).toBe(3)
    index.remove('a')
    expect(index.search('ledger', options('any'))).toEqual([])
    expect(index.search('archiv', options('any'))).toEqual([])
    expect(index.search('gateway', options('any')).map((result) => result.key)).toEqual(['b'])
    expect(index.wordCount).toBe(1)
    index.remove('b')
    expect(index.wordCount).toBe(0)
    expect(index.documentCount).toBe(0)
  })
})

describe('close names', () => {
  const similarity = (a: string, b: string) =>
    1 - boundedEditDistance(a, b, Number.POSITIVE_INFINITY) / Math.max(a.length, b.length)
  const nameArbitrary = fc
    .array(fc.constantFrom('a', 'b', 'c', 'd', 'é', '1'), { minLength: 1, maxLength: 9 })
    .map((chars) => chars.join(''))
  const longNameArbitrary = fc
    .array(fc.constantFrom('a', 'b', 'c', 'é'), { maxLength: MAX_BIT_PARALLEL_LENGTH })
    .map((chars) => chars.join(''))

  it('gives up on a distance only once it is certain to exceed the bound', () => {
    fc.assert(
      fc.property(nameArbitrary, nameArbitrary, fc.nat(6), (a, b, max) => {
        const exact = boundedEditDistance(a, b, Number.POSITIVE_INFINITY)
        const bounded = boundedEditDistance(a, b, max)
        expect(exact <= max ? bounded === exact : bounded > max).toBe(true)
      }),
    )
  })

  it('computes the same distance bit-parallel as with the whole table', () => {
    fc.assert(
      fc.property(longNameArbitrary, longNameArbitrary, (pattern, text) => {
        expect(bitParallelEditDistance(patternMasks(pattern), pattern.length, text)).toBe(
          boundedEditDistance(pattern, text, Number.POSITIVE_INFINITY),
        )
      }),
      { numRuns: 2_000 },
    )
    const longest = 'a'.repeat(MAX_BIT_PARALLEL_LENGTH)
    expect(bitParallelEditDistance(patternMasks(longest), longest.length, `b${longest.slice(1)}x`)).toBe(2)
  })

  it('finds what comparing every name would find, best first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(nameArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        nameArbitrary,
        (names, wanted) => {
          const index = new CloseNameIndex()
          names.forEach((termNames, key) => index.set(String(key), termNames))
          const expected = names
            .map((termNames, key) => ({
              key: String(key),
              similarity: Math.max(...termNames.map((name) => similarity(name, wanted))),
            }))
            .filter((candidate) => candidate.similarity >= 0.6)
            .sort((a, b) => b.similarity - a.similarity || Number(a.key) - Number(b.key))
            .slice(0, 5)
          expect(index.closest(wanted, 0.6, 5, (a, b) => Number(a) - Number(b))).toEqual(expected)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('forgets the names of a deleted key', () => {
    const index = new CloseNameIndex()
    index.set('1', ['cloudtrail'])
    index.delete('1')
    expect(index.closest('cloudtrial', 0.6, 5, () => 0)).toEqual([])
  })
})
