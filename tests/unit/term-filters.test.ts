import { describe, expect, it } from 'vitest'

import { readableTextOn } from '@/components/site/provider-mark'
import { recentlyAddedTerms, recentlyUpdatedTerms } from '@/site-data/recent-term-lists'
import {
  filterVocabulary,
  hasTermFilters,
  readTermFilters,
  searchParamsRecord,
  termFiltersQuery,
  termFiltersWhere,
} from '@/site-data/term-filters'

const vocabulary = filterVocabulary(
  [
    { slug: 'storage', id: 'c-storage' },
    { slug: 'security', id: 'c-security' },
  ],
  [
    { slug: 'aws', id: 'p-aws' },
    { slug: 'azure', id: 'p-azure' },
  ],
)

describe('term filters', () => {
  it('reads filters from the URL, dropping unknown values and duplicates', () => {
    const filters = readTermFilters(
      { category: ['storage', 'storage', 'bogus'], difficulty: 'expert', provider: 'aws,azure' },
      vocabulary,
    )
    expect(filters).toEqual({ categories: ['storage'], difficulties: [], providers: ['aws', 'azure'] })
    expect(hasTermFilters(readTermFilters({}, vocabulary))).toBe(false)
    expect(hasTermFilters(readTermFilters({ category: '', provider: 'nope' }, vocabulary))).toBe(false)
  })

  it('reads repeated query parameters as lists', () => {
    const params = new URLSearchParams('category=storage&category=security&difficulty=advanced')
    expect(readTermFilters(searchParamsRecord(params), vocabulary)).toEqual({
      categories: ['storage', 'security'],
      difficulties: ['advanced'],
      providers: [],
    })
  })

  it('asks the database for terms matching every filter given: a category, a difficulty, a real service of a provider', () => {
    const where = termFiltersWhere(
      { categories: ['storage', 'security'], difficulties: ['advanced'], providers: ['azure'] },
      vocabulary,
    )
    expect(where).toEqual({
      and: [
        { category: { in: ['c-storage', 'c-security'] } },
        { difficulty: { in: ['advanced'] } },
        { providersWithService: { in: ['p-azure'] } },
      ],
    })
    expect(termFiltersWhere({ categories: [], difficulties: [], providers: [] }, vocabulary)).toEqual({})
  })

  it('writes filters back in a stable order', () => {
    expect(termFiltersQuery({ categories: ['storage'], difficulties: [], providers: ['gcp', 'aws'] })).toBe(
      'category=storage&provider=aws&provider=gcp',
    )
  })
})

describe('recent terms', () => {
  const dated = [
    { slug: 'old', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z' },
    { slug: 'new', createdAt: '2026-02-01T00:00:00Z', updatedAt: '2026-02-01T00:00:00Z' },
    { slug: 'untouched', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' },
  ]

  it('lists the newest additions first and, separately, terms edited since they were added', () => {
    const added = recentlyAddedTerms(dated, 1)
    expect(added.map((term) => term.slug)).toEqual(['new'])
    expect(recentlyUpdatedTerms(dated, 5, added).map((term) => term.slug)).toEqual(['old'])
  })
})

describe('provider marks', () => {
  it('picks the text colour that contrasts more with the brand colour', () => {
    expect(readableTextOn('#ff9900')).toBe('#000000')
    expect(readableTextOn('#c74634')).toBe('#ffffff')
    expect(readableTextOn('#4285f4')).toBe('#000000')
  })
})
