/** The order of a term document's keys, which the JSON output keeps (src/content-format/types.ts). */
export const DOCUMENTED_KEY_ORDER = [
  'title',
  'slug',
  'definition',
  'analogy',
  'useCases',
  'providerEquivalents',
  'faqs',
  'category',
  'difficulty',
  'relatedTerms',
  'seeAlso',
]
