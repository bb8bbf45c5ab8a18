// Marks the words a search matched inside a piece of text, and cuts long text down to an excerpt around
// the first match. Ranges are offsets into the text, so the page decides how to render them (<mark>).
import { findWordSpans, normalizeWord } from './search-text'

/** Offsets into a text, end exclusive. */
export type TextRange = { start: number; end: number }

/** Text with the ranges to highlight: sorted, non-overlapping and inside the text. */
export type HighlightedText = { text: string; ranges: TextRange[] }

/** Highlights every word of `text` whose normalized form is one of `matchedWords` (already normalized). */
export function highlightWords(text: string, matchedWords: ReadonlySet<string>): HighlightedText {
  const ranges: TextRange[] = []
  for (const span of findWordSpans(text)) {
    if (!matchedWords.has(normalizeWord(span.word))) continue
    const previous = ranges.at(-1)
    // Adjacent matches separated only by spaces read better as one mark ("Key Vault", not "Key" "Vault").
    if (previous && /^ +$/.test(text.slice(previous.end, span.start))) previous.end = span.end
    else ranges.push({ start: span.start, end: span.end })
  }
  return { text, ranges }
}

export const ELLIPSIS = '…'

/**
 * Cuts `highlighted` to at most about `maxLength` characters, starting a little before the first
 * highlighted range and at a word boundary, with an ellipsis where text was left out. Ranges are moved
 * with the text; a range cut by the end of the excerpt is shortened.
 */
export function excerpt(highlighted: HighlightedText, maxLength: number): HighlightedText {
  const { text, ranges } = highlighted
  if (text.length <= maxLength) return highlighted

  const lead = Math.floor(maxLength / 4)
  const firstMatch = ranges[0]?.start ?? 0
  let start = Math.max(0, Math.min(firstMatch - lead, text.length - maxLength))
  if (start > 0) {
    const nextSpace = text.indexOf(' ', start)
    start = nextSpace !== -1 && nextSpace < firstMatch ? nextSpace + 1 : start
  }
  let end = Math.min(text.length, start + maxLength)
  if (end < text.length) {
    const lastSpace = text.lastIndexOf(' ', end)
    if (lastSpace > start) end = lastSpace
  }

  const prefix = start > 0 ? ELLIPSIS : ''
  const suffix = end < text.length ? ELLIPSIS : ''
  const shift = prefix.length - start
  const movedRanges = ranges
    .filter((range) => range.end > start && range.start < end)
    .map((range) => ({ start: Math.max(range.start, start) + shift, end: Math.min(range.end, end) + shift }))
  return { text: prefix + text.slice(start, end).trimEnd() + suffix, ranges: movedRanges }
}

/** Splits highlighted text into runs for rendering, each marked or not. */
export function toHighlightRuns({ text, ranges }: HighlightedText): { text: string; marked: boolean }[] {
  const runs: { text: string; marked: boolean }[] = []
  let position = 0
  for (const range of ranges) {
    if (range.start > position) runs.push({ text: text.slice(position, range.start), marked: false })
    runs.push({ text: text.slice(range.start, range.end), marked: true })
    position = range.end
  }
  if (position < text.length) runs.push({ text: text.slice(position), marked: false })
  return runs
}
