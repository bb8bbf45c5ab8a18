// Text for the generated social images. The renderer has one bundled font and, for any character that
// font lacks, fetches a fallback font or emoji from the internet; keeping to characters the bundled
// font has makes the images render the same offline.
import { truncateAtWord } from '../site-data/term-summary'

// Printable ASCII, Latin-1 letters and signs (not the soft hyphen), the Latin Extended-A letters the
// bundled Geist Regular has (it lacks Ĕĕ Ĭĭ ĸ Ŀŀ ŉ Ŏŏ), and the typographic punctuation editors paste.
const RENDERABLE =
  /[\u0020-\u007e\u00a1-\u00ac\u00ae-\u0113\u0116-\u012b\u012e-\u0137\u0139-\u013e\u0141-\u0148\u014a-\u014d\u0150-\u017f\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2192]/u

function renderableChar(char: string): string {
  if (RENDERABLE.test(char)) return char
  // A letter with an unusual accent still reads fine as its base letter.
  const base = char.normalize('NFD').replace(/\p{M}/gu, '')
  return [...base].every((part) => RENDERABLE.test(part)) ? base : ''
}

/** The text with whitespace collapsed and characters the bundled font lacks dropped, at most `maxLength` long. */
export function toOgText(text: string, maxLength: number): string {
  const cleaned = [...text.replace(/\s+/g, ' ')].map(renderableChar).join('').replace(/ {2,}/g, ' ').trim()
  return truncateAtWord(cleaned, maxLength)
}

/** The first sentence of a paragraph (or the paragraph, when it has no sentence break). */
export function firstSentence(paragraph: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(paragraph.trim())
  return (match ? match[0] : paragraph).trim()
}
