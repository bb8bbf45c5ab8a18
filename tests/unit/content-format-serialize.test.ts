import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { parseTermDocument, serializeTermDocument, type TermDocument } from '@/content-format'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const realExamplePath = path.join(repoRoot, 'seed/terms/cloudtrail.txt')
const roundTripDir = path.resolve(repoRoot, 'tests/unit/support/content-format/round-trip')

function parseOk(text: string): TermDocument {
  const result = parseTermDocument(text)
  if (!result.ok) throw new Error(`expected a valid document, got ${JSON.stringify(result.problems, null, 2)}`)
  return result.document
}

function expectRoundTrip(document: TermDocument): void {
  expect(parseTermDocument(serializeTermDocument(document))).toEqual({ ok: true, document })
}

const SAMPLE: TermDocument = {
  title: 'Load Balancer',
  slug: 'load-balancer',
  definition: 'Spreads incoming traffic across several servers.\n\nIt also checks their health.',
  analogy: 'Like a host seating guests at free tables.',
  useCases: [
    { organization: 'Acme', scenario: 'Spiky traffic (sales)', solution: 'Added an ALB', outcome: 'Fewer outages' },
    { organization: 'Globex', scenario: 'Blue/green deploys', solution: 'Shifted weights gradually', outcome: null },
  ],
  providerEquivalents: [
    { provider: 'AWS', service: 'Elastic Load Balancing' },
    { provider: 'OCI', service: null },
  ],
  faqs: [{ question: 'Is it a single point of failure?', answer: 'No, managed ones are redundant.' }],
  category: 'networking',
  difficulty: 'beginner',
  relatedTerms: ['Auto Scaling'],
  seeAlso: [],
}

describe('serializeTermDocument output', () => {
  it('writes the canonical text with every heading, LF endings and one final newline', () => {
    expect(serializeTermDocument(SAMPLE)).toBe(
      [
        'Load Balancer',
        'Definition',
        'Spreads incoming traffic across several servers.',
        '',
        'It also checks their health. Like a host seating guests at free tables.',
        'Use Cases',
        '- Acme: Spiky traffic (sales) — Added an ALB (Fewer outages)',
        '- Globex: Blue/green deploys — Shifted weights gradually',
        'Provider Equivalents',
        '- AWS: Elastic Load Balancing',
        '- OCI: N/A',
        'Frequently Asked Questions',
        '- Is it a single point of failure?',
        '- No, managed ones are redundant.',
        'Category: networking',
        'Difficulty: beginner',
        'Related Terms',
        '- Auto Scaling',
        'See Also',
        '',
      ].join('\n'),
    )
  })

  it('writes the real example back exactly as the seed file (plus a final newline)', () => {
    const text = readFileSync(realExamplePath, 'utf8')
    expect(serializeTermDocument(parseOk(text))).toBe(`${text.trimEnd()}\n`)
  })

  it('writes empty sections as bare headings', () => {
    const text = serializeTermDocument({
      ...SAMPLE,
      analogy: null,
      useCases: [],
      providerEquivalents: [],
      faqs: [],
      relatedTerms: [],
    })
    expect(text).toContain(
      'health.\nUse Cases\nProvider Equivalents\nFrequently Asked Questions\nCategory: networking\n',
    )
    expect(text.endsWith('Related Terms\nSee Also\n')).toBe(true)
  })

  it('puts the analogy in its own paragraph when the definition does not end a sentence', () => {
    const document = { ...SAMPLE, definition: 'Spreads traffic across servers' }
    expect(serializeTermDocument(document)).toContain(
      'Definition\nSpreads traffic across servers\n\nLike a host seating guests at free tables.\nUse Cases',
    )
    expectRoundTrip(document)
  })
})

describe('round trip: parse(serialize(d)) equals d for parsed documents', () => {
  it('holds for the real example', () => {
    expectRoundTrip(parseOk(readFileSync(realExamplePath, 'utf8')))
  })

  const fixtures = readdirSync(roundTripDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()

  it('has the edge-case fixtures', () => {
    expect(fixtures).toEqual([
      'analogy-own-paragraph.txt',
      'empty-sections.txt',
      'multi-paragraph.txt',
      'no-analogy.txt',
      'null-provider-services.txt',
      'use-case-edge-cases.txt',
    ])
  })

  it.each(fixtures)('holds for %s', (name) => {
    expectRoundTrip(parseOk(readFileSync(path.join(roundTripDir, name), 'utf8')))
  })

  it('holds for the edge cases the fixtures are about', () => {
    const byName = (name: string) => parseOk(readFileSync(path.join(roundTripDir, name), 'utf8'))
    expect(byName('multi-paragraph.txt').definition.split('\n\n')).toHaveLength(3)
    expect(byName('no-analogy.txt').analogy).toBeNull()
    expect(byName('analogy-own-paragraph.txt')).toMatchObject({
      definition: 'The extra delay when a serverless platform must start a fresh instance of your function',
      analogy: 'Like waiting for an oven to preheat before the first batch.',
    })
    expect(
      byName('null-provider-services.txt').providerEquivalents.filter((entry) => entry.service === null),
    ).toHaveLength(5)
    expect(byName('empty-sections.txt')).toMatchObject({
      useCases: [],
      providerEquivalents: [],
      faqs: [],
      relatedTerms: [],
      seeAlso: [],
    })
    expect(byName('use-case-edge-cases.txt').useCases).toEqual([
      {
        organization: 'Streamly',
        scenario: 'Serving video (4K and HD) to viewers worldwide',
        solution: 'Cached segments at the edge',
        outcome: 'Startup time fell from 4 s to 1 s (median)',
      },
      {
        organization: 'Newsroom Ltd',
        scenario: 'Traffic spikes on breaking news',
        solution: 'Put the whole site behind a CDN with short TTLs',
        outcome: null,
      },
      {
        organization: 'Shopfront',
        scenario: 'Slow product images (over 2 MB each)',
        solution: 'Resized images at the edge — and served WebP (for browsers that support it) where possible',
        outcome: 'Pages load 40% faster',
      },
      { organization: 'Example Org', scenario: 'Time: of day routing', solution: 'Routed by region', outcome: null },
    ])
  })

  it('holds for randomly assembled documents built from tricky fragments', () => {
    let parsedCount = 0
    for (let seed = 1; seed <= 3000; seed++) {
      const result = parseTermDocument(randomTermText(seed))
      if (!result.ok) continue
      parsedCount++
      expect(parseTermDocument(serializeTermDocument(result.document)), `seed ${seed}`).toEqual(result)
    }
    // Guards against the generator drifting into producing only invalid documents.
    expect(parsedCount).toBeGreaterThan(300)
  })
})

/** Small deterministic generator (mulberry32) so failures are reproducible by seed. */
function randomTermText(seed: number): string {
  let state = seed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const times = (max: number, make: () => string) => Array.from({ length: Math.floor(random() * (max + 1)) }, make)
  const fragments = [
    'word',
    'Like',
    'Think of',
    'like',
    '.',
    '!',
    '?',
    '(',
    ')',
    ':',
    ' — ',
    ' -- ',
    '-',
    '—',
    'N/A',
    ' ',
    '  ',
    'e.g.',
  ]
  const phrase = () => times(6, () => pick(fragments)).join(pick(['', ' ']))

  return [
    pick(['Term', 'Term (Beta)', 'CI/CD']),
    'Definition',
    ...times(
      3,
      () => `${pick(['Text', 'It works.', ''])}${phrase()}${pick(['', ' Like a thing.', '. Think of it', '! Like'])}`,
    ),
    'Use Cases',
    ...times(
      3,
      () =>
        `- ${pick(['Acme', 'Org'])}: ${phrase()}${pick([' — ', ' -- '])}${phrase()}${pick(['', ' (ok)', '(a (b))', ')'])}`,
    ),
    'Provider Equivalents',
    ...times(3, () => `- ${pick(['AWS', 'Azure', 'GCP', 'OCI'])}: ${phrase()}`),
    'Frequently Asked Questions',
    ...times(2, () => `- Q ${phrase()}\n- A ${phrase()}`),
    'Category: test',
    `Difficulty: ${pick(['beginner', 'Advanced'])}`,
    'Related Terms',
    ...times(2, () => `- ${phrase()}`),
    'See Also',
    ...times(2, () => `- ${phrase()}`),
  ].join('\n')
}

describe('serializeTermDocument refuses documents it cannot represent', () => {
  const useCase = SAMPLE.useCases[0] ?? { organization: '', scenario: '', solution: '', outcome: null }
  const withUseCase = (changes: Partial<TermDocument['useCases'][number]>): TermDocument => ({
    ...SAMPLE,
    useCases: [{ ...useCase, ...changes }],
  })

  it.each<[string, TermDocument, RegExp]>([
    ['a title with a line break', { ...SAMPLE, title: 'Load\nBalancer' }, /title contains a line break/],
    ['a title that reads as a heading', { ...SAMPLE, title: 'See Also', slug: 'see-also' }, /title .* section heading/],
    ['a title that reads as a field', { ...SAMPLE, title: 'Category: x', slug: 'category-x' }, /title .*"Category:"/],
    ['a title without slug characters', { ...SAMPLE, title: '¿?', slug: '' }, /title has no letter/],
    ['a slug that is not derived from the title', { ...SAMPLE, slug: 'lb' }, /slug "lb" differs from "load-balancer"/],
    ['an empty definition', { ...SAMPLE, definition: '' }, /definition is empty/],
    [
      'a definition paragraph with a single line break',
      { ...SAMPLE, definition: 'One\nTwo' },
      /definition \(paragraph 1\) contains a line break/,
    ],
    [
      'an empty definition paragraph',
      { ...SAMPLE, definition: 'One\n\n\n\nTwo' },
      /definition \(paragraph 2\) is empty/,
    ],
    [
      'an untrimmed definition paragraph',
      { ...SAMPLE, definition: 'One.\n\n Two.' },
      /definition \(paragraph 2\) has leading or trailing whitespace/,
    ],
    [
      'a definition paragraph that reads as a heading',
      { ...SAMPLE, definition: 'Use Cases' },
      /definition \(paragraph 1\) .* section heading/,
    ],
    [
      'a definition ending in an analogy-like sentence while analogy is null',
      { ...SAMPLE, definition: 'Spreads traffic. Like a host.', analogy: null },
      /definition ends with a sentence starting with "Like "/,
    ],
    [
      'an analogy not starting with Like/Think of',
      { ...SAMPLE, analogy: 'Similar to a host.' },
      /analogy .* must be one sentence/,
    ],
    [
      'an analogy of two sentences',
      { ...SAMPLE, analogy: 'Like a host. It seats guests.' },
      /analogy .* must be one sentence/,
    ],
    ['an empty analogy', { ...SAMPLE, analogy: '' }, /analogy is empty/],
    [
      'an organization containing ":"',
      withUseCase({ organization: 'Acme: EU' }),
      /useCases\[0\]\.organization contains ":"/,
    ],
    ['an empty organization', withUseCase({ organization: '' }), /useCases\[0\]\.organization is empty/],
    [
      'a scenario containing " — "',
      withUseCase({ scenario: 'Spiky — traffic' }),
      /useCases\[0\]\.scenario contains " — " or " -- "/,
    ],
    ['a scenario containing " -- "', withUseCase({ scenario: 'Spiky -- traffic' }), /useCases\[0\]\.scenario/],
    ['a scenario ending with " —"', withUseCase({ scenario: 'Spiky —' }), /useCases\[0\]\.scenario/],
    ['a scenario starting with "-- "', withUseCase({ scenario: '-- Spiky' }), /useCases\[0\]\.scenario/],
    [
      'a scenario with a line break',
      withUseCase({ scenario: 'Spiky\ntraffic' }),
      /useCases\[0\]\.scenario contains a line break/,
    ],
    ['an empty solution', withUseCase({ solution: '' }), /useCases\[0\]\.solution is empty/],
    [
      'an outcome-less solution ending with a parenthesised group',
      withUseCase({ solution: 'Added an ALB (layer 7)', outcome: null }),
      /useCases\[0\]\.solution ends with "\)"/,
    ],
    [
      'an outcome-less solution ending with ")"',
      withUseCase({ solution: 'Step 2)', outcome: null }),
      /useCases\[0\]\.solution/,
    ],
    [
      'an outcome with unbalanced parentheses',
      withUseCase({ outcome: 'a) (b' }),
      /useCases\[0\]\.outcome has unbalanced parentheses/,
    ],
    ['an empty outcome', withUseCase({ outcome: '' }), /useCases\[0\]\.outcome is empty/],
    [
      'a provider containing ":"',
      { ...SAMPLE, providerEquivalents: [{ provider: 'AWS: EU', service: 'ELB' }] },
      /providerEquivalents\[0\]\.provider contains ":"/,
    ],
    [
      'a provider listed twice',
      {
        ...SAMPLE,
        providerEquivalents: [
          { provider: 'AWS', service: 'ELB' },
          { provider: 'aws', service: 'ALB' },
        ],
      },
      /providerEquivalents\[1\]\.provider "aws" is listed twice/,
    ],
    [
      'a service that reads as "no equivalent"',
      { ...SAMPLE, providerEquivalents: [{ provider: 'AWS', service: 'None' }] },
      /providerEquivalents\[0\]\.service "None" would be read as "no equivalent"/,
    ],
    [
      'an empty service string',
      { ...SAMPLE, providerEquivalents: [{ provider: 'AWS', service: '' }] },
      /providerEquivalents\[0\]\.service is empty/,
    ],
    [
      'a FAQ answer with a line break',
      { ...SAMPLE, faqs: [{ question: 'Q?', answer: 'A\nB' }] },
      /faqs\[0\]\.answer contains a line break/,
    ],
    ['an empty FAQ question', { ...SAMPLE, faqs: [{ question: '', answer: 'A' }] }, /faqs\[0\]\.question is empty/],
    ['an upper-case category', { ...SAMPLE, category: 'Networking' }, /category "Networking" must be lower-case/],
    ['a category with a line break', { ...SAMPLE, category: 'net\nworking' }, /category contains a line break/],
    ['an empty category', { ...SAMPLE, category: '' }, /category is empty/],
    [
      'an unknown difficulty',
      { ...SAMPLE, difficulty: 'expert' as TermDocument['difficulty'] },
      /difficulty "expert" is not one of/,
    ],
    ['an empty related term', { ...SAMPLE, relatedTerms: [''] }, /relatedTerms\[0\] is empty/],
    [
      'a see-also entry with a line break',
      { ...SAMPLE, seeAlso: ['Reverse\r\nProxy'] },
      /seeAlso\[0\] contains a line break/,
    ],
    [
      'an untrimmed see-also entry',
      { ...SAMPLE, seeAlso: ['Proxy '] },
      /seeAlso\[0\] has leading or trailing whitespace/,
    ],
  ])('throws for %s', (_description, document, message) => {
    expect(() => serializeTermDocument(document)).toThrow(message)
  })

  it('names the term in the error', () => {
    expect(() => serializeTermDocument({ ...SAMPLE, category: '' })).toThrow(
      /^Term "Load Balancer" cannot be written as text: /,
    )
  })

  it('accepts values that look risky but read back unchanged', () => {
    expectRoundTrip(
      withUseCase({
        organization: 'Acme — EU',
        scenario: 'Peak: Black Friday (x2)',
        solution: 'Added an ALB (layer 7) — then a CDN',
        outcome: 'Fewer outages (zero (!) in 2024)',
      }),
    )
    expectRoundTrip({ ...SAMPLE, providerEquivalents: [{ provider: 'Azure', service: 'Front Door: Standard' }] })
    expectRoundTrip({ ...SAMPLE, definition: 'It scales. Like nothing else. It is fast.', analogy: null })
  })
})
