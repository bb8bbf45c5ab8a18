// Glossary auto-linking: finds mentions of other published terms (by title or alias) in running text.
// Pure: the site renders the segments it returns. Names in capitals (IAM, KMS) match only in capitals,
// so an ordinary word is never mistaken for an acronym; other names match in any case.
//
// A page's text is cut into tokens (runs of letters and digits, and single other characters) and names
// are looked up by the tokens they start with, longest first, so linking costs what the text costs
// whatever the number of terms; the index of names changes one term at a time.

export type LinkableTerm = { id: string; title: string; slug: string; aliases: readonly string[]; summary: string }

export type TextSegment = { text: string; term?: LinkableTerm }

export type TermLinker = {
  /** Splits `text` into plain runs and mentions; each term is linked at most once per linker. */
  link(text: string): TextSegment[]
  /** The terms linked so far, in the order they were first linked (a page depends on them). */
  linkedTerms(): LinkableTerm[]
}

const MIN_NAME_LENGTH = 3
const TOKEN = /[\p{L}\p{N}]+|[^\p{L}\p{N}]/gu
const WORD_CHARACTER = /^[\p{L}\p{N}]/u

type Token = { start: number; end: number; word: boolean }
type Name = { name: string; lowerCase: string; term: LinkableTerm; exactCase: boolean }

function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(TOKEN), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    word: WORD_CHARACTER.test(match[0]),
  }))
}

/**
 * Text as a case-insensitive regular expression compares it: lower case, with the letters whose lower
 * case depends on context or differs from their case fold (final sigma, long s) folded.
 */
const foldCase = (text: string) => text.toLowerCase().replace(/ς/g, 'σ').replace(/ſ/g, 's')

const namesOf = (term: LinkableTerm) =>
  [...new Set([term.title, ...term.aliases].map((value) => value.trim()))].filter(
    (name) => name.length >= MIN_NAME_LENGTH,
  )

const sameNames = (a: LinkableTerm, b: LinkableTerm) =>
  a.aliases.length === b.aliases.length && a.aliases.every((alias, index) => alias === b.aliases[index])

/** Where two terms share a name, the one first from A to Z gets the link. */
function byTitle(a: LinkableTerm, b: LinkableTerm): number {
  return (
    a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  )
}

/** The names of every linkable term, by lower-case name and by first token. */
export class TermNameIndex {
  /** Names by their case fold. */
  private readonly namesByKey = new Map<string, Name[]>()
  /** First token → how many names of each token count start with it (index: token count). */
  private readonly lengthsByFirstToken = new Map<string, number[]>()
  private readonly termsById = new Map<string, LinkableTerm>()

  get size(): number {
    return this.termsById.size
  }

  /** Adds a term, or replaces the one with its id. */
  set(term: LinkableTerm): void {
    const previous = this.termsById.get(term.id)
    if (previous && previous.title === term.title && previous.slug === term.slug && sameNames(previous, term)) {
      // Same names (the summary changed, say): the links just point at the new version.
      for (const name of namesOf(term)) {
        for (const entry of this.namesByKey.get(foldCase(name))!) if (entry.term === previous) entry.term = term
      }
      this.termsById.set(term.id, term)
      return
    }
    this.delete(term.id)
    this.termsById.set(term.id, term)
    for (const name of namesOf(term)) {
      const key = foldCase(name)
      const names = this.namesByKey.get(key) ?? []
      let at = names.length
      while (at > 0 && names[at - 1]!.term !== term && byTitle(names[at - 1]!.term, term) > 0) at -= 1
      const exactCase = name === name.toUpperCase() && /[A-Z]/.test(name)
      names.splice(at, 0, { name, lowerCase: name.toLowerCase(), term, exactCase })
      this.namesByKey.set(key, names)
      this.countFirstToken(name, 1)
    }
  }

  delete(id: string): void {
    const term = this.termsById.get(id)
    if (!term) return
    this.termsById.delete(id)
    for (const name of namesOf(term)) {
      const key = foldCase(name)
      // Two names of one term may share a key ("Storage" and "STORAGE"): the first pass took both.
      const names = (this.namesByKey.get(key) ?? []).filter((entry) => entry.term !== term)
      if (names.length > 0) this.namesByKey.set(key, names)
      else this.namesByKey.delete(key)
      this.countFirstToken(name, -1)
    }
  }

  private countFirstToken(name: string, change: 1 | -1): void {
    const tokens = name.match(TOKEN)!
    const first = foldCase(tokens[0]!)
    const counts = this.lengthsByFirstToken.get(first) ?? []
    counts[tokens.length] = (counts[tokens.length] ?? 0) + change
    while (counts.length > 0 && !counts.at(-1)) counts.pop()
    if (counts.length > 0) this.lengthsByFirstToken.set(first, counts)
    else this.lengthsByFirstToken.delete(first)
  }

  /** The longest name (in tokens) of another term than `currentSlug` at token `at`, with its token count. */
  private longestNameAt(text: string, tokens: Token[], at: number, currentSlug: string | null) {
    const first = tokens[at]!
    const counts = this.lengthsByFirstToken.get(foldCase(text.slice(first.start, first.end)))
    if (!counts) return null
    for (let count = Math.min(counts.length - 1, tokens.length - at); count >= 1; count -= 1) {
      if (!counts[count]) continue
      const last = tokens[at + count - 1]!
      // A name that begins or ends with punctuation still needs a boundary outside it.
      if (!first.word && tokens[at - 1]?.word) continue
      if (!last.word && tokens[at + count]?.word) continue
      const found = text.slice(first.start, last.end)
      const names = this.namesByKey.get(foldCase(found))?.filter((entry) => entry.term.slug !== currentSlug)
      if (names && names.length > 0) return { found, names, count }
    }
    return null
  }

  /**
   * A linker for one page. `currentSlug` is never linked (a page does not link to itself), and a term
   * already linked earlier on the page is not linked again.
   */
  linker(currentSlug: string | null): TermLinker {
    const linked = new Map<string, LinkableTerm>()
    return {
      link: (text) => {
        if (text === '' || this.namesByKey.size === 0) return [{ text }]
        const tokens = tokenize(text)
        const segments: TextSegment[] = []
        let cursor = 0
        for (let at = 0; at < tokens.length;) {
          const match = this.longestNameAt(text, tokens, at, currentSlug)
          if (!match) {
            at += 1
            continue
          }
          // A mention of an acronym in lower case, or of a term linked already, is passed over whole.
          const lowerCase = match.found.toLowerCase()
          const entry = match.names.find(
            (candidate) =>
              candidate.lowerCase === lowerCase && (!candidate.exactCase || candidate.name === match.found),
          )
          const start = tokens[at]!.start
          at += match.count
          if (!entry || linked.has(entry.term.id)) continue
          linked.set(entry.term.id, entry.term)
          if (start > cursor) segments.push({ text: text.slice(cursor, start) })
          segments.push({ text: match.found, term: entry.term })
          cursor = start + match.found.length
        }
        if (cursor < text.length) segments.push({ text: text.slice(cursor) })
        return segments
      },
      linkedTerms: () => [...linked.values()],
    }
  }
}

/** A linker over `terms` for one page (see TermNameIndex.linker). */
export function createTermLinker(terms: readonly LinkableTerm[], currentSlug: string | null): TermLinker {
  const index = new TermNameIndex()
  for (const term of terms) index.set(term)
  return index.linker(currentSlug)
}
