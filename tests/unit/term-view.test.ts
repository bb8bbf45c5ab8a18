// Outside links reach a page's hrefs as http(s) only, even from a draft that skipped field validation.
import { describe, expect, it } from 'vitest'

import { toTermView } from '@/site-data/term-view'
import type { Term } from '@/payload-types'

const aws = { id: 1, name: 'AWS', slug: 'aws', fullName: 'Amazon Web Services', brandColor: null }

function draftTerm(url: string): Term {
  return {
    id: 7,
    title: 'Hostile',
    slug: 'hostile',
    definition: 'A term a draft save filled with odd links.',
    category: { id: 1, name: 'Security', slug: 'security' },
    difficulty: 'beginner',
    providerEquivalents: [{ provider: aws, service: 'CloudTrail', docUrl: url }],
    seeAlso: [{ label: 'Outside', url }],
  } as unknown as Term
}

describe('term view links', () => {
  for (const url of [
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'JaVaScRiPt:alert(1)',
    '//evil.example',
  ]) {
    it(`renders no href for ${url.slice(0, 24)}`, () => {
      const view = toTermView(draftTerm(url))
      expect(view.seeAlso).toEqual([])
      expect(view.providerEquivalents[0]?.docUrl).toBeNull()
    })
  }

  it('keeps http(s) addresses', () => {
    const view = toTermView(draftTerm('https://docs.example.com/trail'))
    expect(view.seeAlso).toEqual([{ label: 'Outside', href: 'https://docs.example.com/trail', external: true }])
    expect(view.providerEquivalents[0]?.docUrl).toBe('https://docs.example.com/trail')
  })
})
