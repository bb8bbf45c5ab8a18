import { beforeAll, describe, expect, it } from 'vitest'

import {
  editDistance,
  findClosestTerms,
  MAX_COMPARED_LENGTH,
  suggestTermsForPath,
  wordsFromPath,
} from '@/search/closest-terms'
import { buildTermSearchIndex, type TermSearchIndex } from '@/search/term-search-index'

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
    expect(suggestTermsForPath(index, '/terms/azure-key-vault').map((term) => term.slug)).toContain(
      'key-management-service',
    )
  })

  it('suggests at most `limit` terms, and none for the site root', () => {
    expect(suggestTermsForPath(index, '/cloud', 3).length).toBeLessThanOrEqual(3)
    expect(suggestTermsForPath(index, '/')).toEqual([])
  })

  it('reads at most MAX_COMPARED_LENGTH characters of words from an address of any length', () => {
    expect(wordsFromPath(`/${'a'.repeat(50_000)}`).length).toBeLessThanOrEqual(MAX_COMPARED_LENGTH)
    expect(wordsFromPath(`/terms/${'kubernetes-'.repeat(5_000)}`).length).toBeLessThanOrEqual(MAX_COMPARED_LENGTH)
  })

  it('still finds the term when a long tail follows a misspelled name', () => {
    expect(findClosestTerms(index, `Kubernets${' '.repeat(200)}`)[0]?.slug).toBe('kubernetes')
  })

  it('answers for a 100 kB address as fast as for a short one', () => {
    const started = performance.now()
    suggestTermsForPath(index, `/${'cloudtrial'.repeat(10_000)}`)
    findClosestTerms(index, 'x'.repeat(100_000))
    // Uncapped, the two calls compare 100,000 characters with every name: seconds of CPU.
    expect(performance.now() - started).toBeLessThan(250)
  })
})
