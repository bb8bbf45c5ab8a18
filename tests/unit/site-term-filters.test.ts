import { describe, expect, it } from 'vitest'

import { recentlyAddedTerms, recentlyUpdatedTerms } from '@/lib/recent-terms'
import { filterTerms, hasTermFilters, readTermFilters, termFiltersQuery } from '@/lib/term-filters'
import { readableTextOn } from '@/components/site/provider-mark'

import { equivalent, siteContent, termView } from './support/site-fixtures'

const terms = [
  termView({ title: 'A', slug: 'a', difficulty: 'advanced', providerEquivalents: [equivalent('aws', 'X')] }),
  termView({ title: 'B', slug: 'b', category: { name: 'Storage', slug: 'storage' }, providerEquivalents: [equivalent('azure', null)] }),
  termView({ title: 'C', slug: 'c', category: { name: 'Storage', slug: 'storage' }, providerEquivalents: [equivalent('azure', 'Y')] }),
]
const content = siteContent(terms)

describe('term filters', () => {
  it('reads filters from the URL, dropping unknown values and duplicates', () => {
    const filters = readTermFilters({ category: ['storage', 'storage', 'bogus'], difficulty: 'expert', provider: 'aws,azure' }, content)
    expect(filters).toEqual({ categories: ['storage'], difficulties: [], providers: ['aws', 'azure'] })
    expect(hasTermFilters(readTermFilters({}, content))).toBe(false)
  })

  it('combines filters with AND, and a provider filter needs a real service', () => {
    expect(filterTerms(terms, readTermFilters({ category: 'storage' }, content)).map((term) => term.slug)).toEqual(['b', 'c'])
    expect(filterTerms(terms, readTermFilters({ provider: 'azure' }, content)).map((term) => term.slug)).toEqual(['c'])
    expect(filterTerms(terms, readTermFilters({ difficulty: 'advanced', category: 'storage' }, content))).toEqual([])
  })

  it('writes filters back in a stable order', () => {
    expect(termFiltersQuery({ categories: ['storage'], difficulties: [], providers: ['gcp', 'aws'] })).toBe(
      'category=storage&provider=aws&provider=gcp',
    )
  })
})

describe('recent terms', () => {
  const dated = [
    termView({ title: 'Old', slug: 'old', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z' }),
    termView({ title: 'New', slug: 'new', createdAt: '2026-02-01T00:00:00Z', updatedAt: '2026-02-01T00:00:00Z' }),
    termView({ title: 'Untouched', slug: 'untouched', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }),
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
