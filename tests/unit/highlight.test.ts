import { describe, expect, it } from 'vitest'

import { excerpt, highlightWords, toHighlightRuns } from '@/search/highlight'

describe('highlighting matched words', () => {
  it('marks whole words whose normalized form matched, ignoring case and accents', () => {
    const highlighted = highlightWords('Azure Key Vault keeps keys; Résumé of KEY use.', new Set(['key', 'resume']))
    expect(highlighted.ranges.map((range) => highlighted.text.slice(range.start, range.end))).toEqual([
      'Key',
      'Résumé',
      'KEY',
    ])
  })

  it('joins neighbouring matched words into one range', () => {
    const { ranges } = highlightWords('Azure Key Vault', new Set(['key', 'vault']))
    expect(ranges).toEqual([{ start: 6, end: 15 }])
  })

  it('leaves text without matches unmarked', () => {
    expect(highlightWords('Object storage', new Set(['queue']))).toEqual({ text: 'Object storage', ranges: [] })
  })
})

describe('excerpts', () => {
  const text =
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen target sixteen seventeen eighteen nineteen twenty twenty-one twenty-two'

  it('keeps short text whole', () => {
    const short = highlightWords('short text', new Set(['text']))
    expect(excerpt(short, 50)).toEqual(short)
  })

  it('starts near the first match at a word boundary and moves the ranges with the text', () => {
    const cut = excerpt(highlightWords(text, new Set(['target'])), 40)
    expect(cut.text.startsWith('…')).toBe(true)
    expect(cut.text.endsWith('…')).toBe(true)
    expect(cut.text).not.toMatch(/^…\S*\s{2}/)
    expect(cut.ranges.map((range) => cut.text.slice(range.start, range.end))).toEqual(['target'])
  })

  it('starts at the beginning when nothing is highlighted', () => {
    const cut = excerpt({ text, ranges: [] }, 20)
    expect(cut.text).toBe('one two three four…')
  })
})

describe('rendering runs', () => {
  it('splits text into marked and unmarked runs that join back to the text', () => {
    const highlighted = highlightWords('Use Azure Key Vault here', new Set(['key', 'vault']))
    const runs = toHighlightRuns(highlighted)
    expect(runs).toEqual([
      { text: 'Use Azure ', marked: false },
      { text: 'Key Vault', marked: true },
      { text: ' here', marked: false },
    ])
    expect(runs.map((run) => run.text).join('')).toBe(highlighted.text)
  })
})
