export type Difficulty = 'beginner' | 'intermediate' | 'advanced'

export const DIFFICULTIES: readonly Difficulty[] = ['beginner', 'intermediate', 'advanced']

export interface UseCaseEntry {
  organization: string
  scenario: string
  solution: string
  outcome: string | null
}

export interface ProviderEquivalentEntry {
  provider: string
  service: string | null
}

export interface FaqEntry {
  question: string
  answer: string
}

/** Key order matters: JSON output uses exactly this order. */
export interface TermDocument {
  title: string
  slug: string
  definition: string
  analogy: string | null
  useCases: UseCaseEntry[]
  providerEquivalents: ProviderEquivalentEntry[]
  faqs: FaqEntry[]
  category: string
  difficulty: Difficulty
  relatedTerms: string[]
  seeAlso: string[]
}

export interface ParseProblem {
  /** 1-based line number in the original text. */
  line: number
  message: string
}

export type ParseResult = { ok: true; document: TermDocument } | { ok: false; problems: ParseProblem[] }

/** Section headings in the order the serializer writes them. */
export const SECTION_HEADINGS = [
  'Definition',
  'Use Cases',
  'Provider Equivalents',
  'Frequently Asked Questions',
  'Related Terms',
  'See Also',
] as const

export type SectionHeading = (typeof SECTION_HEADINGS)[number]
