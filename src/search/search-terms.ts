// Searching the index: the terms a query matches, ranked with the title first, and the hits shown for them
// with a snippet of where each matched.
import { excerpt, highlightWords, type HighlightedText } from './highlight'
import { normalizeSearchQuery, normalizeWord, splitWords } from './search-text'
import type { RankedDocument } from './text-index'
import {
  SEARCH_FIELDS,
  type SearchableTerm,
  type SearchEntry,
  type SearchField,
  type TermSearchIndex,
} from './term-search-index'

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

/** A term a query matched, with how it matched; `searchTerms` turns it into a hit with a snippet. */
export type RankedTerm<Entry extends SearchEntry = SearchEntry> = { entry: Entry; ranking: RankedDocument<SearchField> }

/**
 * Terms matching `rawQuery`, best first, without their text. Every word must match somewhere in a term;
 * when no term has them all, terms matching any word are returned. An empty query returns nothing.
 */
export function rankTerms<Entry extends SearchEntry>(
  index: TermSearchIndex<Entry>,
  rawQuery: string,
  options: SearchOptions = {},
): RankedTerm<Entry>[] {
  const { limit = 50, offset = 0, fields = SEARCH_FIELDS, allWords = false } = options
  const query = normalizeSearchQuery(rawQuery)
  if (splitWords(query).length === 0) return []

  const results = index.text.search(query, {
    fields,
    boost: FIELD_BOOSTS,
    fuzzy: fuzziness,
    prefix: usePrefix,
    weights: { fuzzy: 0.45, prefix: 0.6 },
    combine: allWords ? 'all' : 'all-or-any',
    limit,
  })
  return results.slice(offset).flatMap((ranking) => {
    const entry = index.get(ranking.key)
    return entry ? [{ entry, ranking }] : []
  })
}

/**
 * The hits for `rawQuery`, best first, with snippets from the text of the terms shown, read in one go
 * (FAQs only for the hits whose snippet is a FAQ). A term whose text is gone was unpublished since the
 * index last looked, and is left out.
 */
export async function searchTerms<Entry extends SearchEntry>(
  index: TermSearchIndex<Entry>,
  rawQuery: string,
  options: SearchOptions = {},
): Promise<TermSearchHit[]> {
  const queryWordCount = splitWords(normalizeSearchQuery(rawQuery)).length
  const matches = rankTerms(index, rawQuery, options).map(({ entry, ranking }) =>
    describeMatch(entry, ranking, queryWordCount),
  )
  if (matches.length === 0) return []
  const texts = await index.texts.read(
    matches.map(({ entry }) => entry.id),
    new Set(matches.flatMap(({ entry, snippetField }) => (snippetField === 'faqs' ? [entry.id] : []))),
  )
  return matches.flatMap((match) => {
    const text = texts.get(match.entry.id)
    return text
      ? [toHit({ ...match.entry, definition: text.definition, faqs: text.faqs }, match, options.snippetLength ?? 180)]
      : []
  })
}

type Match<Entry extends SearchEntry> = {
  entry: Entry
  ranking: RankedDocument<SearchField>
  /** The highest-ranked field the query matched. */
  matchedField: SearchField
  matchedWords: ReadonlySet<string>
  snippetField: Exclude<SearchField, 'title'>
}

function describeMatch<Entry extends SearchEntry>(
  entry: Entry,
  ranking: RankedDocument<SearchField>,
  queryWordCount: number,
): Match<Entry> {
  const matchedWordsByField = new Map<SearchField, number>()
  for (const fields of ranking.match.values()) {
    for (const field of fields) matchedWordsByField.set(field, (matchedWordsByField.get(field) ?? 0) + 1)
  }
  return {
    entry,
    ranking,
    matchedField: SEARCH_FIELDS.find((field) => matchedWordsByField.has(field)) ?? 'definition',
    matchedWords: new Set(ranking.match.keys()),
    snippetField: snippetField(matchedWordsByField, queryWordCount),
  }
}

function toHit(term: SearchableTerm, match: Match<SearchEntry>, snippetLength: number): TermSearchHit {
  const { matchedWords } = match
  return {
    slug: term.slug,
    title: highlightWords(term.title, matchedWords),
    category: term.category,
    matchedField: match.matchedField,
    snippet: excerpt(
      highlightWords(fieldSnippetText(term, match.snippetField, matchedWords), matchedWords),
      snippetLength,
    ),
    score: match.ranking.score,
  }
}

/**
 * The title is shown anyway, so the snippet shows the definition when the title holds every query
 * word, and otherwise the field holding the most matched words (ties go to the higher-ranked field):
 * for "Key Vault" that is the Azure service row, which explains why Key Management Service came up.
 */
function snippetField(
  matchedWordsByField: ReadonlyMap<SearchField, number>,
  queryWordCount: number,
): Exclude<SearchField, 'title'> {
  if ((matchedWordsByField.get('title') ?? 0) >= queryWordCount) return 'definition'
  let best: Exclude<SearchField, 'title'> | null = null
  for (const field of SEARCH_FIELDS) {
    if (field === 'title') continue
    const count = matchedWordsByField.get(field) ?? 0
    if (count > 0 && (best === null || count > (matchedWordsByField.get(best) ?? 0))) best = field
  }
  return best ?? 'definition'
}

const containsAny = (text: string, words: ReadonlySet<string>) =>
  splitWords(text).some((word) => words.has(normalizeWord(word)))

/** The text shown for a match in `field`: the alias, service or FAQ entry that matched, not all of them. */
function fieldSnippetText(
  term: SearchableTerm,
  field: Exclude<SearchField, 'title'>,
  words: ReadonlySet<string>,
): string {
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
