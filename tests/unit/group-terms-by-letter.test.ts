import { describe, expect, it } from 'vitest'

import { groupTermsByLetter } from '@/site-data/group-terms-by-letter'

describe('the A–Z grouping', () => {
  it('groups titles by first letter in alphabetical order, ignoring case, keeping the order given inside a letter', () => {
    const groups = groupTermsByLetter([
      { title: 'iam' },
      { title: 'Caching' },
      { title: 'API Gateway' },
      { title: 'CloudTrail' },
    ])
    expect(groups.map((group) => [group.letter, group.terms.map((term) => term.title)])).toEqual([
      ['A', ['API Gateway']],
      ['C', ['Caching', 'CloudTrail']],
      ['I', ['iam']],
    ])
  })

  it('puts titles starting with a digit or symbol under # at the end', () => {
    const groups = groupTermsByLetter([{ title: '5G Edge' }, { title: 'Zone' }, { title: 'Éclair' }])
    expect(groups.map((group) => group.letter)).toEqual(['E', 'Z', '#'])
  })
})
