import { describe, expect, it } from 'vitest'

import { validateSlug } from '@/fields/slug'
import {
  categoryPath,
  compareCategoryPath,
  INDEX_LETTERS,
  letterFromSegment,
  letterPath,
  letterSegment,
  RESERVED_TERM_SLUGS,
  withQuery,
} from '@/routes/site-routes'

describe('the addresses of the list pages', () => {
  it('put letter A’s first page at /terms and every other page of the index under /terms/letter', () => {
    expect(letterPath('A')).toBe('/terms')
    expect(letterPath('A', 2)).toBe('/terms/letter/a/2')
    expect(letterPath('B')).toBe('/terms/letter/b')
    expect(letterPath('#', 3)).toBe('/terms/letter/other/3')
  })

  it('read every letter back from its segment, and nothing else', () => {
    for (const letter of INDEX_LETTERS) expect(letterFromSegment(letterSegment(letter))).toBe(letter)
    for (const segment of ['B', 'ab', '#', '%23', '1', '']) expect(letterFromSegment(segment), segment).toBeNull()
  })

  it('give page 1 of a list the list’s own address', () => {
    expect(categoryPath('storage')).toBe('/categories/storage')
    expect(categoryPath('storage', 1)).toBe('/categories/storage')
    expect(categoryPath('storage', 3)).toBe('/categories/storage/3')
    expect(compareCategoryPath('storage', 2)).toBe('/compare/storage/2')
    expect(withQuery('/terms', '')).toBe('/terms')
    expect(withQuery('/terms', 'category=storage')).toBe('/terms?category=storage')
  })

  it('keep term slugs off the segment the A–Z pages live under', () => {
    expect(validateSlug('letter', RESERVED_TERM_SLUGS)).toBe(
      'Slug "letter" is reserved: the A–Z index pages live under /terms/letter/. Choose another slug.',
    )
    expect(validateSlug('letters', RESERVED_TERM_SLUGS)).toBe(true)
    expect(validateSlug('letter')).toBe(true)
    expect(validateSlug('a'.repeat(120))).toBe(true)
    expect(validateSlug('a'.repeat(121))).toMatch(/121 characters long; a slug may have at most 120/)
  })
})
