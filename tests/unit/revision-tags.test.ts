import { describe, expect, it } from 'vitest'

import { ifMatchAccepts, parseIfMatch, revisionTag } from '@/concurrency/revision-tags'

const ID = '0193a5c2-7f00-7abc-8def-0123456789ab'

describe('revision tags', () => {
  it('name the document and its revision as one strong tag', () => {
    expect(revisionTag(ID, 7)).toBe(`"${ID}:7"`)
    expect(revisionTag(42, 1)).toBe('"42:1"')
  })

  it('ask for no check without If-Match or with If-Match: *', () => {
    for (const header of [null, undefined, '', '  ', '*', ' * ']) {
      expect(ifMatchAccepts(parseIfMatch(header), ID, 3), String(header)).toBe(true)
    }
  })

  it('accept a write only at the revision a tag names for that document', () => {
    const ifMatch = parseIfMatch(revisionTag(ID, 3))
    expect(ifMatchAccepts(ifMatch, ID, 3)).toBe(true)
    expect(ifMatchAccepts(ifMatch, ID, 4)).toBe(false)
    expect(ifMatchAccepts(ifMatch, 'another-id', 3)).toBe(false)
  })

  it('read a list of tags, one per document, with or without spaces', () => {
    const ifMatch = parseIfMatch(`"a:1","b:2" ,  "c:3"`)
    expect(ifMatch).toEqual({ kind: 'tags', tags: ['"a:1"', '"b:2"', '"c:3"'] })
    expect(['a', 'b', 'c'].map((id, index) => ifMatchAccepts(ifMatch, id, index + 1))).toEqual([true, true, true])
    expect(ifMatchAccepts(ifMatch, 'b', 1)).toBe(false)
  })

  it('never match a weak tag, since If-Match compares strongly', () => {
    expect(ifMatchAccepts(parseIfMatch(`W/${revisionTag(ID, 3)}`), ID, 3)).toBe(false)
  })

  it('refuse an unquoted value rather than guess what it meant', () => {
    expect(ifMatchAccepts(parseIfMatch(`${ID}:3`), ID, 3)).toBe(false)
  })
})
