// "Did you mean" and the 404 page's suggestions: terms whose title, slug or alias is spelled close to
// what the reader typed, plus ordinary search results for the words of a missing page's address.
import { normalizeWord, splitWords } from './search-text'
import { searchTerms, type SearchableTerm, type TermSearchIndex } from './term-search-index'

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * characters (optimal string alignment), because swapped letters ("cloudtrial") are a common typo.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let beforePrevious: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1)
      current.push(best)
    }
    beforePrevious = previous
    previous = current
  }
  return previous[b.length]!
}

/** Joins the words without separators, so "Cloud Trail", "cloud-trail" and "CloudTrail" compare equal. */
const squash = (text: string) => splitWords(text).map(normalizeWord).join('')

/** How alike two squashed strings are, from 0 (nothing shared) to 1 (equal). */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 0 : 1 - editDistance(a, b) / longest
}

export const MIN_SIMILARITY = 0.6

/**
 * How much of the reader's text is compared with the names. Edit distance costs the product of the two
 * lengths for every name, and the text can come from an address of any length; no name comes near this.
 */
export const MAX_COMPARED_LENGTH = 100

/** How much of a missing page's address is read for its words (its last segment is what counts). */
export const MAX_PATH_LENGTH = 300

export type ClosestTerm = { slug: string; title: string; similarity: number }

/** Terms whose title, slug or an alias is within MIN_SIMILARITY of `text`, most similar first. */
export function findClosestTerms(index: TermSearchIndex, text: string, limit = 5): ClosestTerm[] {
  const wanted = squash(text.slice(0, MAX_COMPARED_LENGTH)).slice(0, MAX_COMPARED_LENGTH)
  if (!wanted) return []
  return index.terms
    .map((term) => ({ slug: term.slug, title: term.title, similarity: bestSimilarity(term, wanted) }))
    .filter((candidate) => candidate.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.title.localeCompare(b.title))
    .slice(0, limit)
}

function bestSimilarity(term: SearchableTerm, wanted: string): number {
  return Math.max(...[term.title, term.slug, ...term.aliases].map((name) => similarity(squash(name), wanted)))
}

/** The words a reader probably meant by a missing page's address: its last segment, split at dashes. */
export function wordsFromPath(pathname: string): string {
  const segments = pathname.slice(0, MAX_PATH_LENGTH).split('/').filter(Boolean)
  const last = segments.at(-1) ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(last)
  } catch {
    decoded = last
  }
  return splitWords(decoded.replace(/\.[a-z0-9]+$/i, '')).join(' ').slice(0, MAX_COMPARED_LENGTH)
}

export type SuggestedTerm = { slug: string; title: string }

/** Terms to offer on the 404 page for `pathname`: close spellings first, then search matches. */
export function suggestTermsForPath(index: TermSearchIndex, pathname: string, limit = 5): SuggestedTerm[] {
  const words = wordsFromPath(pathname)
  if (!words) return []
  const suggestions = new Map<string, SuggestedTerm>()
  for (const term of findClosestTerms(index, words, limit)) suggestions.set(term.slug, { slug: term.slug, title: term.title })
  // Names only, and every word: the words of an address are what the page is called, and "cloud" alone
  // would match dozens of terms.
  for (const hit of searchTerms(index, words, { limit, fields: ['title', 'aliases', 'services'], allWords: true })) {
    if (!suggestions.has(hit.slug)) suggestions.set(hit.slug, { slug: hit.slug, title: hit.title.text })
  }
  return [...suggestions.values()].slice(0, limit)
}
