// fast-check arbitraries for the plain-text entry format: valid TermDocuments built to the parser's real
// rules, and hostile text (random bytes, or a valid entry mutated line by line).
import fc from 'fast-check'

import { DIFFICULTIES, SECTION_HEADINGS, serializeTermDocument, slugify, type TermDocument } from '@/content-format'

/** Words from several scripts; none holds ":", "(", ")", sentence ends or dashes, which carry meaning in the format. */
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
  fc.constantFrom(
    'Like',
    'Think',
    'of',
    'Use',
    'Cases',
    'Category',
    'naïve',
    'Straße',
    '東京',
    'クラウド',
    '🚀',
    'a/b',
    'x&y',
    '#1',
    'N/A',
  ),
)

/** A run of words joined by single spaces: trimmed, on one line, free of the format's separators. */
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '))

/** Any trimmed one-line text, in any script, for values written after "- " on a line of their own. */
const anyOneLine = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .map((text) => text.replace(/[\r\n]+/g, ' ').trim())
  .filter((text) => text !== '')

const isHeadingOrField = (line: string): boolean =>
  SECTION_HEADINGS.some((heading) => heading.toLowerCase() === line.toLowerCase()) ||
  /^(category|difficulty)\s*:/i.test(line)

const startsAnalogy = (sentence: string): boolean => /^(Like|Think of) /.test(sentence)

const sentence = (ending: fc.Arbitrary<string>) =>
  fc
    .tuple(
      phrase.filter((text) => !startsAnalogy(text)),
      ending,
    )
    .map(([text, end]) => text + end)

/** A paragraph of sentences; only the last may lack its full stop. */
const paragraph = fc
  .tuple(
    fc.array(sentence(fc.constantFrom('.', '!', '?')), { maxLength: 3 }),
    sentence(fc.constantFrom('.', '!', '?', '')),
  )
  .map(([first, last]) => [...first, last].join(' '))
  .filter((text) => !isHeadingOrField(text))

const analogy = fc
  .tuple(fc.constantFrom('Like ', 'Think of '), phrase, fc.constantFrom('.', '!', '?', ''))
  .map(([start, text, end]) => start + text + end)

/** Text with an optional balanced "(…)" group inside, never at the very end. */
const textWithAside = fc
  .tuple(phrase, fc.option(phrase, { nil: undefined }), phrase)
  .map(([before, aside, after]) => (aside === undefined ? before : `${before} (${aside}) ${after}`))

const useCase = fc.record({
  organization: phrase,
  scenario: textWithAside,
  solution: textWithAside,
  outcome: fc.option(textWithAside, { nil: null }),
})

const noServiceMarker = /^(—|-|n\/a|none|)$/i
const providerEquivalent = fc.record({
  provider: phrase,
  service: fc.option(
    fc.oneof(phrase, anyOneLine).filter((service) => !noServiceMarker.test(service)),
    { nil: null },
  ),
})

const category = anyOneLine.filter((text) => text === text.toLowerCase())

const title = fc.oneof(phrase, anyOneLine).filter((text) => slugify(text) !== '' && !isHeadingOrField(text))

/** A TermDocument that the format can hold: every value obeys the rules parse.ts reads it back with. */
export const validTermDocument: fc.Arbitrary<TermDocument> = fc
  .record({
    title,
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
    analogy: fc.option(analogy, { nil: null }),
    useCases: fc.array(useCase, { maxLength: 3 }),
    providerEquivalents: fc.uniqueArray(providerEquivalent, {
      maxLength: 4,
      selector: (entry) => entry.provider.toLowerCase(),
    }),
    faqs: fc.array(fc.record({ question: anyOneLine, answer: anyOneLine }), { maxLength: 3 }),
    category,
    difficulty: fc.constantFrom(...DIFFICULTIES),
    relatedTerms: fc.array(anyOneLine, { maxLength: 3 }),
    seeAlso: fc.array(anyOneLine, { maxLength: 3 }),
  })
  .map(({ title, paragraphs, ...rest }) => ({
    title,
    slug: slugify(title),
    definition: paragraphs.join('\n\n'),
    analogy: rest.analogy,
    useCases: rest.useCases,
    providerEquivalents: rest.providerEquivalents,
    faqs: rest.faqs,
    category: rest.category,
    difficulty: rest.difficulty,
    relatedTerms: rest.relatedTerms,
    seeAlso: rest.seeAlso,
  }))

const oddWhitespace = fc.constantFrom(' ', '\t', '\u00a0', '\u2003', '\r', '\uFEFF', '\u200b', '\u2028', '\v', '\f')
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '- ',
    '-',
    ':',
    ' — ',
    ' -- ',
    '(',
    ')',
    '()',
    'Category:',
    'Difficulty: expert',
    'Definition',
    'See Also',
    'Like it.',
  ),
)

type Mutation = (lines: string[]) => string[]

const at = (lines: string[], index: number) => Math.min(index, Math.max(lines.length - 1, 0))

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (index): Mutation =>
      (lines) =>
        lines.filter((_, i) => i !== at(lines, index)),
  ),
  fc.nat().map(
    (index): Mutation =>
      (lines) =>
        lines.flatMap((line, i) => (i === at(lines, index) ? [line, line] : [line])),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (lines) => {
    const copy = [...lines]
    const [i, j] = [at(copy, a), at(copy, b)]
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    return copy
  }),
  fc.tuple(fc.nat(), oddWhitespace, fc.boolean()).map(
    ([index, space, before]): Mutation =>
      (lines) =>
        lines.map((line, i) => (i !== at(lines, index) ? line : before ? space + line : line + space)),
  ),
  fc.tuple(fc.nat(), oddText).map(([index, text]): Mutation => (lines) => {
    const copy = [...lines]
    copy.splice(at(copy, index), 0, text)
    return copy
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('x', '- ', 'é', '(', ' — ')).map(
    ([index, length, unit]): Mutation =>
      (lines) =>
        lines.map((line, i) => (i === at(lines, index) ? line + unit.repeat(length) : line)),
  ),
  fc.constantFrom(...SECTION_HEADINGS).map((heading): Mutation => (lines) => {
    // Drops a whole section: its heading and the lines up to the next heading or field.
    const start = lines.indexOf(heading)
    if (start < 0) return lines
    let end = start + 1
    while (end < lines.length && !isHeadingOrField(lines[end]!)) end++
    return [...lines.slice(0, start), ...lines.slice(end)]
  }),
  fc.nat().map(
    (length): Mutation =>
      (lines) =>
        lines.slice(0, at(lines, length)),
  ),
  fc.constant<Mutation>((lines) => lines.map((line) => line.toUpperCase())),
)

/** A valid entry's text after a few random line-level mutations, with LF or CRLF endings and maybe a BOM. */
export const mutatedEntryText: fc.Arbitrary<string> = fc
  .tuple(
    validTermDocument,
    fc.array(mutation, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([document, mutations, newline, bom]) => {
    const lines = mutations.reduce((current, mutate) => mutate(current), serializeTermDocument(document).split('\n'))
    return (bom ? '\uFEFF' : '') + lines.join(newline)
  })

/** Text of any kind: random code units (lone surrogates, NULs, control characters) or lines of odd fragments. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.array(fc.oneof(oddText, phrase), { maxLength: 40 }).map((lines) => lines.join('\n')),
)
