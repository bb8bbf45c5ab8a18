// Full-text search over published terms: titles, aliases, provider service names, definitions and FAQs,
// typo-tolerant and matching word prefixes, ranked with the title first. Plain TypeScript on purpose:
// it takes terms as data, so it runs the same in the site, the suggest endpoint and the unit tests.
// The index follows the glossary one term at a time (src/site-data/term-directory.ts keeps it); ./search-terms.ts
// reads it.
import { CloseNameIndex } from './close-name-index'
import { normalizeWord, splitWords, squashWords } from './search-text'
import { TextIndex } from './text-index'

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
