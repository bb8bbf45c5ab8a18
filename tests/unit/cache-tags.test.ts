import { describe, expect, it } from 'vitest'

import {
  categoryTag,
  categoryTermsTag,
  faqTag,
  idInTag,
  providerTag,
  providerTermsTag,
  termIdTag,
  termSlugTag,
  useCaseTag,
} from '@/site-cache/cache-tags'

describe('reading ids back out of cache tags', () => {
  it('gives back the id each builder put in, numeric or not', () => {
    for (const tagFor of [termIdTag, faqTag, useCaseTag, categoryTag, providerTag]) {
      expect(idInTag(tagFor, tagFor(42))).toBe('42')
      expect(idInTag(tagFor, tagFor('65f1c0ffee'))).toBe('65f1c0ffee')
    }
  })

  it('reads nothing from a tag another builder made, even one that starts alike', () => {
    expect(idInTag(categoryTag, categoryTermsTag(7))).toBeNull()
    expect(idInTag(providerTag, providerTermsTag(7))).toBeNull()
    expect(idInTag(termIdTag, termSlugTag('term-id'))).toBeNull()
    expect(idInTag(faqTag, termIdTag(7))).toBeNull()
    expect(idInTag(termIdTag, 'term-lists')).toBeNull()
  })

  it('reads nothing from a tag with no id', () => {
    expect(idInTag(termIdTag, termIdTag(''))).toBeNull()
  })
})
