// Full-text search over published terms: titles, aliases, provider service names, definitions and FAQs,
// typo-tolerant and matching word prefixes, ranked with the title first. Plain TypeScript on purpose:
// it takes terms as data, so it runs the same in the site, the suggest endpoint and the unit tests.
// The index follows the glossary one term at a time (src/site-data/term-directory.ts keeps it).
import { CloseNameIndex } from './close-name-index'
import { excerpt, highlightWords, type HighlightedText } from './highlight'
import { normalizeSearchQuery, normalizeWord, splitWords, squashWords } from './search-text'
import { TextIndex, type RankedDocument } from './text-index'

/** What search keeps of every term in memory: what it indexes and what a hit shows besides the term's text. */
export type SearchEntry = {
  /** What identifies the term across edits, when its slug or title may change. */
  id: string
  title: string
  slug: string
  aliases: readonly string[]
  category: { name: string; slug: string } | null
  providerEquivalents: readonly { provider: { name: string }; service: string | null }[]
}

/** A term's long text: indexed, but not kept; the hits shown read theirs from a TermTexts. */
export type SearchText = {
  definition: string
  faqs: readonly { question: string; answerText: string }[]
}

/** The parts of a term search reads; the site's TermView has all of them. */
export type SearchableTerm = SearchEntry & SearchText

/**
 * Where the text of the hits shown comes from. The site reads it from the database, so the index of a
 * 100,000-term glossary does not hold the glossary's text twice; `textsInMemory` keeps it for small indexes.
 */
export type TermTexts = {
  /** Told of every term indexed, for a source that keeps the text itself. */
  keep(id: string, text: SearchText): void
  forget(id: string): void
  /**
   * The texts of the terms among `ids` that still exist (a missing one is no longer searchable); the
   * FAQs only of those in `withFaqs`, the others' come back empty.
   */
  read(ids: readonly string[], withFaqs: ReadonlySet<string>): Promise<ReadonlyMap<string, SearchText>>
}

export function textsInMemory(): TermTexts {
  const texts = new Map<string, SearchText>()
  return {
    keep: (id, text) => void texts.set(id, { definition: text.definition, faqs: text.faqs }),
    forget: (id) => void texts.delete(id),
    read: async (ids, withFaqs) =>
      new Map(
        ids.flatMap((id) => {
          const text = texts.get(id)
          return text ? [[id, withFaqs.has(id) ? text : { definition: text.definition, faqs: [] }] as const] : []
        }),
      ),
  }
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

const servicesOf = (entry: SearchEntry) =>
  entry.providerEquivalents.flatMap((row) => (row.service ? [row.service] : [])).join('\n')

function toIndexedDocument(entry: SearchEntry, text: SearchText): IndexedDocument {
  return {
    title: entry.title,
    aliases: entry.aliases.join('\n'),
    services: servicesOf(entry),
    definition: text.definition,
    faqs: text.faqs.map((faq) => `${faq.question}\n${faq.answerText}`).join('\n'),
  }
}

/** Whether two versions of an entry index the same names (title, aliases, services). */
const sameIndexedNames = (a: SearchEntry, b: SearchEntry) =>
  a.title === b.title && a.aliases.join('\n') === b.aliases.join('\n') && servicesOf(a) === servicesOf(b)

/** The names a reader may have meant to type, for "did you mean" and the 404 page. */
const closeNamesOf = (entry: SearchEntry) => [entry.title, entry.slug, ...entry.aliases].map(squashWords)

/** A term without its long text: what the index keeps. */
function entryOf<Entry extends SearchEntry>(term: Entry & SearchText): Entry {
  const { definition: _definition, faqs: _faqs, ...entry } = term
  return entry as unknown as Entry
}

/**
 * The searchable published terms, changed one term at a time: `set` adds or replaces a term, `delete`
 * removes it, and searches see the change at once. Nothing is ever rebuilt. `Entry` is what the owner
 * keeps per term besides what search needs (the site's directory keeps one object per term, here).
 */
export class TermSearchIndex<Entry extends SearchEntry = SearchEntry> {
  private readonly entriesById = new Map<string, Entry>()
  readonly text = new TextIndex<SearchField>(SEARCH_FIELDS, { tokenize: splitWords, processTerm: normalizeWord })
  readonly closeNames = new CloseNameIndex()

  constructor(readonly texts: TermTexts = textsInMemory()) {}

  get size(): number {
    return this.entriesById.size
  }

  get(id: string): Entry | undefined {
    return this.entriesById.get(id)
  }

  entries(): IterableIterator<Entry> {
    return this.entriesById.values()
  }

  /** Adds or replaces a term; returns the entry kept for it (the term without its long text). */
  set(term: Entry & SearchText): Entry {
    const previous = this.entriesById.get(term.id)
    const entry = entryOf(term)
    if (previous) this.text.remove(term.id)
    this.text.add(term.id, toIndexedDocument(entry, term))
    if (!previous || previous.slug !== entry.slug || !sameIndexedNames(previous, entry)) {
      this.closeNames.set(term.id, closeNamesOf(entry))
    }
    this.entriesById.set(term.id, entry)
    this.texts.keep(term.id, term)
    return entry
  }

  /** Swaps what a hit shows of a term (its category, its providers' names) when nothing it indexes changed. */
  replaceEntry(entry: Entry): void {
    const previous = this.entriesById.get(entry.id)
    if (!previous) throw new Error(`The search index holds no term "${entry.id}" to replace.`)
    if (previous.slug !== entry.slug || !sameIndexedNames(previous, entry)) {
      throw new Error(`The search index cannot replace "${entry.id}" without its text: its names changed.`)
    }
    this.entriesById.set(entry.id, entry)
  }

  delete(id: string): void {
    if (!this.entriesById.delete(id)) return
    this.text.remove(id)
    this.closeNames.delete(id)
    this.texts.forget(id)
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
