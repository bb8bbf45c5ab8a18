import { describe, expect, it } from 'vitest'

import { generatedEntry } from '../../bench/generated-glossary'
import { parseTermDocument, serializeTermDocument } from '@/content-format'

describe('the generated glossary used by scale tests and the bench', () => {
  it('writes entries the import reads back unchanged', () => {
    for (let index = 0; index < 500; index += 1) {
      const entry = generatedEntry(index, 500)
      const parsed = parseTermDocument(serializeTermDocument(entry))
      expect(parsed).toEqual({ ok: true, document: entry })
    }
  })

  it('gives 100,000 entries distinct slugs and names related terms that exist in the batch', () => {
    const count = 100_000
    const titles = new Set(Array.from({ length: count }, (_, index) => generatedEntry(index, count).title))
    expect(titles.size).toBe(count)
    const sample = generatedEntry(42, count)
    expect(sample.relatedTerms).toHaveLength(3)
    for (const name of sample.relatedTerms) expect(titles.has(name)).toBe(true)
  })
})
