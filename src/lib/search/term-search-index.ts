// Full-text search over published terms: titles, aliases, provider service names, definitions and FAQs,
// typo-tolerant and matching word prefixes, ranked with the title first. Plain TypeScript on purpose:
// it takes terms as data, so it runs the same in the site, the suggest endpoint and the unit tests.
// The index follows the glossary one term at a time (src/site-data/term-directory.ts keeps it).
import { CloseNameIndex } from './close-name-index'
import { excerpt, highlightWords, type HighlightedText } from './highlight'
import { normalizeSearchQuery, normalizeWord, splitWords, squashWords } from './search-text'
import { TextIndex, type RankedDocument } from './text-index'

/** The parts of a term search reads; the site's TermView has all of them. */
export type SearchableTerm = {
  /** What identifies the term across edits, when its slug or title may change. */
  id: string
  title: string
  slug: string
  definition: string
  aliases: readonly string[]
  category: { name: string; slug: string } | null
  providerEquivalents: readonly { provider: { name: string }; service: string | null }[]
  faqs: readonly { question: string; answerText: string }[]
}

/** Fields in ranking order: a match in an earlier field weighs more and is the one a result reports. */
export const SEARCH_FIELDS = ['title', 'aliases', 'services', 'definition', 'faqs'] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

export const SEARCH_FIELD_LABELS: Record<SearchField, string> = {
  title: 'Title',
  aliases: 'Also known as',
  services: 'Provider service',
  definition: 'Definition',
  faqs: 'FAQ',
}

const FIELD_BOOSTS: Record<SearchField, number> = { title: 8, aliases: 5, services: 3, definition: 1.5, faqs: 1 }

export type TermSearchHit = {
  slug: string
  title: HighlightedText
  category: { name: string; slug: string } | null
  /** The highest-ranked field the query matched. */
  matchedField: SearchField
  /** Where the match is, in context; the start of the definition when only the title matched. */
  snippet: HighlightedText
  score: number
}

type IndexedDocument = Record<SearchField, string>

function toIndexedDocument(term: SearchableTerm): IndexedDocument {
  return {
    title: term.title,
    aliases: term.aliases.join('\n'),
    services: term.providerEquivalents.flatMap((row) => (row.service ? [row.service] : [])).join('\n'),
    definition: term.definition,
    faqs: term.faqs.map((faq) => `${faq.question}\n${faq.answerText}`).join('\n'),
  }
}

const sameDocument = (a: IndexedDocument, b: IndexedDocument) => SEARCH_FIELDS.every((field) => a[field] === b[field])

/** The names a reader may have meant to type, for "did you mean" and the 404 page. */
const closeNamesOf = (term: SearchableTerm) => [term.title, term.slug, ...term.aliases].map(squashWords)

/**
 * The searchable published terms, changed one term at a time: `set` adds or replaces a term, `delete`
 * removes it, and searches see the change at once. Nothing is ever rebuilt.
 */
export class TermSearchIndex {
  private readonly termsById = new Map<string, SearchableTerm>()
  readonly text = new TextIndex<SearchField>(SEARCH_FIELDS, { tokenize: splitWords, processTerm: normalizeWord })
  readonly closeNames = new CloseNameIndex()

  get size(): number {
    return this.termsById.size
  }

  get(id: string): SearchableTerm | undefined {
    return this.termsById.get(id)
  }

  set(term: SearchableTerm): void {
    const previous = this.termsById.get(term.id)
    const document = toIndexedDocument(term)
    // A change that leaves the searched text alone (a category renamed) only swaps the term shown.
    if (!previous || !sameDocument(toIndexedDocument(previous), document)) {
      if (previous) this.text.remove(term.id, toIndexedDocument(previous))
      this.text.add(term.id, document)
    }
    if (!previous || previous.title !== term.title || previous.slug !== term.slug || previous.aliases !== term.aliases) {
      this.closeNames.set(term.id, closeNamesOf(term))
    }
    this.termsById.set(term.id, term)
  }

  delete(id: string): void {
    const previous = this.termsById.get(id)
    if (!previous) return
    this.text.remove(id, toIndexedDocument(previous))
    this.closeNames.delete(id)
    this.termsById.delete(id)
  }
}

export function buildTermSearchIndex(terms: Iterable<SearchableTerm>): TermSearchIndex {
  const index = new TermSearchIndex()
  for (const term of terms) index.set(term)
  return index
}

// Short words are too ambiguous to stretch: "db" should not match "dns", and "a" should not match
// every word that starts with it.
const fuzziness = (term: string) => (term.length < 4 ? 0 : term.length < 7 ? 1 : 2)
const usePrefix = (term: string) => term.length >= 2

export type SearchOptions = {
  limit?: number
  /** How many of the best `limit` results to skip: only the rest get snippets and highlights. */
  offset?: number
  snippetLength?: number
  /** Only these fields are searched; all by default. */
  fields?: readonly SearchField[]
  /** Only terms matching every word; by default, terms matching any word are returned when none match all. */
  allWords?: boolean
}

/**
 * Terms matching `rawQuery`, best first. Every word must match somewhere in a term; when no term has
 * them all, terms matching any word are returned. An empty query returns nothing.
 */
export function searchTerms(index: TermSearchIndex, rawQuery: string, options: SearchOptions = {}): TermSearchHit[] {
  const { limit = 50, offset = 0, snippetLength = 180, fields = SEARCH_FIELDS, allWords = false } = options
  const query = normalizeSearchQuery(rawQuery)
  const queryWordCount = splitWords(query).length
  if (queryWordCount === 0) return []

  const results = index.text.search(query, {
    fields,
    boost: FIELD_BOOSTS,
    fuzzy: fuzziness,
    prefix: usePrefix,
    weights: { fuzzy: 0.45, prefix: 0.6 },
    combine: allWords ? 'all' : 'all-or-any',
    limit,
  })
  return results.slice(offset).flatMap((result) => {
    const term = index.get(result.key)
    return term ? [toHit(term, result, queryWordCount, snippetLength)] : []
  })
}

function toHit(term: SearchableTerm, result: RankedDocument<SearchField>, queryWordCount: number, snippetLength: number): TermSearchHit {
  const matchedWordsByField = new Map<SearchField, number>()
  for (const fields of result.match.values()) {
    for (const field of fields) matchedWordsByField.set(field, (matchedWordsByField.get(field) ?? 0) + 1)
  }
  const matchedField = SEARCH_FIELDS.find((field) => matchedWordsByField.has(field)) ?? 'definition'
  const matchedWords = new Set(result.match.keys())

  return {
    slug: term.slug,
    title: highlightWords(term.title, matchedWords),
    category: term.category,
    matchedField,
    snippet: excerpt(highlightWords(snippetText(term, matchedWordsByField, queryWordCount, matchedWords), matchedWords), snippetLength),
    score: result.score,
  }
}

/**
 * The title is shown anyway, so the snippet shows the definition when the title holds every query
 * word, and otherwise the field holding the most matched words (ties go to the higher-ranked field):
 * for "Key Vault" that is the Azure service row, which explains why Key Management Service came up.
 */
function snippetText(
  term: SearchableTerm,
  matchedWordsByField: ReadonlyMap<SearchField, number>,
  queryWordCount: number,
  matchedWords: ReadonlySet<string>,
): string {
  if ((matchedWordsByField.get('title') ?? 0) >= queryWordCount) return term.definition
  let best: Exclude<SearchField, 'title'> | null = null
  for (const field of SEARCH_FIELDS) {
    if (field === 'title') continue
    const count = matchedWordsByField.get(field) ?? 0
    if (count > 0 && (best === null || count > (matchedWordsByField.get(best) ?? 0))) best = field
  }
  return best ? fieldSnippetText(term, best, matchedWords) : term.definition
}

const containsAny = (text: string, words: ReadonlySet<string>) =>
  splitWords(text).some((word) => words.has(normalizeWord(word)))

/** The text shown for a match in `field`: the alias, service or FAQ entry that matched, not all of them. */
function fieldSnippetText(term: SearchableTerm, field: Exclude<SearchField, 'title'>, words: ReadonlySet<string>): string {
  switch (field) {
    case 'aliases':
      return `Also known as ${term.aliases.join(', ')}`
    case 'services': {
      const rows = term.providerEquivalents.filter((row) => row.service && containsAny(row.service, words))
      return rows.map((row) => `${row.provider.name}: ${row.service}`).join(' · ')
    }
    case 'definition':
      return term.definition
    case 'faqs': {
      const faq = term.faqs.find((entry) => containsAny(entry.question, words) || containsAny(entry.answerText, words))
      if (!faq) return term.definition
      return containsAny(faq.question, words) ? `${faq.question} ${faq.answerText}` : faq.answerText
    }
  }
}
