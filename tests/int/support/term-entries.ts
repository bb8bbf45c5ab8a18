// Entries of the plain-text format as the import reads them, made up for tests: a title, and whatever a
// test cares about besides.
import type { TermDocument } from '@/content-format/types'

export function termEntry(title: string, overrides: Partial<TermDocument> = {}): TermDocument {
  return {
    title,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    definition: `${title} is a made-up term for tests.`,
    analogy: null,
    useCases: [],
    providerEquivalents: [{ provider: 'AWS', service: `Amazon ${title}` }],
    faqs: [],
    category: 'testing',
    difficulty: 'beginner',
    relatedTerms: [],
    seeAlso: [],
    ...overrides,
  }
}
