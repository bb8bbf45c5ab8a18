import { describe, expect, it } from 'vitest'

import { pageCount, pageExists, pageLinks, pageRange, parsePageNumber } from '@/site-data/pagination'

const numbers = (links: ReturnType<typeof pageLinks>) => links.map((link) => (link.kind === 'gap' ? '…' : link.page))

describe('pages of a list', () => {
  it('has one page for an empty list and as many as it takes otherwise', () => {
    expect(pageCount(0, 100)).toBe(1)
    expect(pageCount(100, 100)).toBe(1)
    expect(pageCount(101, 100)).toBe(2)
    expect(pageExists(1, 0, 100)).toBe(true)
    expect(pageExists(2, 100, 100)).toBe(false)
    expect(pageExists(0, 100, 100)).toBe(false)
  })

  it('reads a page number from an address only when it is written the one way', () => {
    expect(parsePageNumber('2')).toBe(2)
    expect(parsePageNumber('123456')).toBe(123456)
    for (const text of ['0', '02', '-1', '1.5', '1e3', ' 2', 'two', '1234567', '', null, undefined])
      expect(parsePageNumber(text), String(text)).toBeNull()
  })

  it('says which items a page shows', () => {
    expect(pageRange(2, 385, 100)).toEqual({ first: 101, last: 200 })
    expect(pageRange(4, 385, 100)).toEqual({ first: 301, last: 385 })
  })

  it('links the first and last pages and the neighbours of the current one, with gaps between', () => {
    expect(numbers(pageLinks(1, 1))).toEqual([1])
    expect(numbers(pageLinks(1, 5))).toEqual([1, 2, '…', 5])
    expect(numbers(pageLinks(5, 40))).toEqual([1, '…', 4, 5, 6, '…', 40])
    // A gap of one page shows the page itself.
    expect(numbers(pageLinks(4, 7))).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(numbers(pageLinks(40, 40))).toEqual([1, '…', 39, 40])
  })
})
