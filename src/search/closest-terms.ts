// "Did you mean" and the 404 page's suggestions: terms whose title, slug or alias is spelled close to
// what the reader typed, plus ordinary search results for the words of a missing page's address.
import { boundedEditDistance } from './close-name-index'
import { splitWords, squashWords } from './search-text'
import { rankTerms } from './search-terms'
import type { TermSearchIndex } from './term-search-index'

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * characters (optimal string alignment), because swapped letters ("cloudtrial") are a common typo.
 */
export const editDistance = (a: string, b: string): number => boundedEditDistance(a, b, Number.POSITIVE_INFINITY)

export const MIN_SIMILARITY = 0.6

/**
 * How much of the reader's text is compared with the names. Edit distance costs the product of the two
 * lengths for every name, and the text can come from an address of any length; no name comes near this.
 */
export const MAX_COMPARED_LENGTH = 100

/** How much of a missing page's address is read for its words (its last segment is what counts). */
export const MAX_PATH_LENGTH = 300

export type ClosestTerm = { slug: string; title: string; similarity: number }

/**
 * Terms whose title, slug or an alias is within MIN_SIMILARITY of `text` (1 − edit distance / longer
 * length, compared without spaces, case or accents), most similar first.
 */
export function findClosestTerms(index: TermSearchIndex, text: string, limit = 5): ClosestTerm[] {
  const wanted = squashWords(text.slice(0, MAX_COMPARED_LENGTH)).slice(0, MAX_COMPARED_LENGTH)
  const byTitle = (a: string, b: string) => index.get(a)!.title.localeCompare(index.get(b)!.title)
  return index.closeNames.closest(wanted, MIN_SIMILARITY, limit, byTitle).flatMap(({ key, similarity }) => {
    const term = index.get(key)
    return term ? [{ slug: term.slug, title: term.title, similarity }] : []
  })
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
  return splitWords(decoded.replace(/\.[a-z0-9]+$/i, ''))
    .join(' ')
    .slice(0, MAX_COMPARED_LENGTH)
}

export type SuggestedTerm = { slug: string; title: string }

/** Terms to offer on the 404 page for `pathname`: close spellings first, then search matches. */
export function suggestTermsForPath(index: TermSearchIndex, pathname: string, limit = 5): SuggestedTerm[] {
  const words = wordsFromPath(pathname)
  if (!words) return []
  const suggestions = new Map<string, SuggestedTerm>()
  for (const term of findClosestTerms(index, words, limit))
    suggestions.set(term.slug, { slug: term.slug, title: term.title })
  // Names only, and every word: the words of an address are what the page is called, and "cloud" alone
  // would match dozens of terms.
  for (const { entry } of rankTerms(index, words, {
    limit,
    fields: ['title', 'aliases', 'services'],
    allWords: true,
  })) {
    if (!suggestions.has(entry.slug)) suggestions.set(entry.slug, { slug: entry.slug, title: entry.title })
  }
  return [...suggestions.values()].slice(0, limit)
}
