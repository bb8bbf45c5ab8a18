// How search splits and normalizes text. The index, the query and the highlighter all use these, so a
// word the index matched is always found again when the result is highlighted.

/** A word and where it sits in the original text (UTF-16 offsets, end exclusive). */
export type WordSpan = { word: string; start: number; end: number }

const WORD = /[\p{L}\p{N}]+/gu

const ASCII_ONLY = /^[\u0020-\u007e]*$/

/** Lower-cases and strips accents, so "Résumé" and "resume" are the same word. */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII, which has no accents to strip; decomposing them would only cost time.
  if (ASCII_ONLY.test(word)) return word.toLowerCase()
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

export function findWordSpans(text: string): WordSpan[] {
  return Array.from(text.matchAll(WORD), (match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }))
}

export function splitWords(text: string): string[] {
  // match() is about twice as fast as matchAll() here, and indexing a glossary splits a lot of text.
  return text.match(WORD) ?? []
}

/** Joins the words without separators, so "Cloud Trail", "cloud-trail" and "CloudTrail" compare equal. */
export function squashWords(text: string): string {
  return splitWords(text).map(normalizeWord).join('')
}

/** The longest query the site searches for; longer input is cut here (search boxes send at most this). */
export const MAX_SEARCH_QUERY_LENGTH = 100

/**
 * Trims and collapses whitespace and cuts the query to MAX_SEARCH_QUERY_LENGTH characters, never in
 * the middle of a character outside the Basic Multilingual Plane.
 */
export function normalizeSearchQuery(raw: string | null | undefined): string {
  if (!raw) return ''
  const collapsed = raw.replace(/\s+/g, ' ').trim()
  return Array.from(collapsed).slice(0, MAX_SEARCH_QUERY_LENGTH).join('').trim()
}
