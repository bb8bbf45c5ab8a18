import { beforeAll, describe, expect, it } from 'vitest'

import { editDistance, findClosestTerms, suggestTermsForPath, wordsFromPath } from '@/lib/search/closest-terms'
import { buildTermSearchIndex, type TermSearchIndex } from '@/lib/search/term-search-index'

import { readSeedSearchTerms } from './support/seed-search-terms'

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('kubernetes', 'kubernetes')).toBe(0)
    expect(editDistance('kubernets', 'kubernetes')).toBe(1)
    expect(editDistance('cloudtrial', 'cloudtrail')).toBe(1)
    expect(editDistance('dns', 'dnz')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('subnet', 'cache')).toBe(5)
  })
})

describe('close matches in the seeded glossary', () => {
  let index: TermSearchIndex
  beforeAll(async () => {
    index = buildTermSearchIndex(await readSeedSearchTerms())
  })

  it('suggests the title closest to a misspelling', () => {
    expect(findClosestTerms(index, 'data warehuse')[0]?.slug).toBe('data-warehouse')
    expect(findClosestTerms(index, 'Kubernets')[0]?.slug).toBe('kubernetes')
  })

  it('suggests nothing for text that resembles no term', () => {
    expect(findClosestTerms(index, 'xqzt')).toEqual([])
  })

  it('reads the words of the last path segment', () => {
    expect(wordsFromPath('/terms/cloud-trial')).toBe('cloud trial')
    expect(wordsFromPath('/terms/Key%20Vault/')).toBe('Key Vault')
    expect(wordsFromPath('/terms/%E0%A4%A')).toBe('E0 A4 A')
    expect(wordsFromPath('/')).toBe('')
  })

  it('suggests CloudTrail for /terms/cloud-trial, and not every term with "cloud" in a name', () => {
    expect(suggestTermsForPath(index, '/terms/cloud-trial')).toEqual([{ slug: 'cloudtrail', title: 'CloudTrail' }])
  })

  it('suggests terms whose services match the words of the path', () => {
    expect(suggestTermsForPath(index, '/terms/azure-key-vault').map((term) => term.slug)).toContain('key-management-service')
  })

  it('suggests at most `limit` terms, and none for the site root', () => {
    expect(suggestTermsForPath(index, '/cloud', 3).length).toBeLessThanOrEqual(3)
    expect(suggestTermsForPath(index, '/')).toEqual([])
  })
})
