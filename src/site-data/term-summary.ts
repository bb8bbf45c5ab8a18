// The short text that stands for a term wherever the whole definition does not fit: feeds, search
// snippets, meta descriptions, social cards.
import type { TermView } from './term-view'

/** The first paragraph of a text whose paragraphs are separated by blank lines, whitespace collapsed. */
export function firstParagraph(text: string): string {
  const paragraph = text.trim().split(/\n\s*\n/)[0] ?? ''
  return paragraph.replace(/\s+/g, ' ').trim()
}

/** Shortens text to at most `maxLength` characters, cutting at a word boundary and ending with "…". */
export function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength - 1)
  const lastSpace = cut.lastIndexOf(' ')
  // A single very long word is cut where it is rather than dropped entirely.
  const head = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`
}

export function termSummary(term: Pick<TermView, 'definition'>): string {
  return firstParagraph(term.definition)
}

/** Search engines show about 155–160 characters of a description. */
export const META_DESCRIPTION_LENGTH = 160

export function termMetaDescription(term: Pick<TermView, 'definition'>): string {
  return truncateAtWord(termSummary(term), META_DESCRIPTION_LENGTH)
}
