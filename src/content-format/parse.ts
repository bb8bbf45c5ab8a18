import { readOutline, type FieldLine, type Report, type Section } from './outline'
import { parseFaqs, parseListSection, parseProviders, parseUseCase } from './list-sections'
import { slugify } from './slugify'
import { DIFFICULTIES, type Difficulty, type ParseProblem, type ParseResult } from './types'

const DIFFICULTY_LIST = DIFFICULTIES.join(', ')

export function parseTermDocument(text: string): ParseResult {
  const problems: ParseProblem[] = []
  const report: Report = (line, message) => problems.push({ line, message })
  const { title, sections, fields } = readOutline(text, report)

  const slug = title === null ? '' : slugify(title.text)
  if (title !== null && slug === '') {
    report(
      title.number,
      `title "${title.text}" gives an empty slug; the title must contain at least one letter a–z or digit 0–9`,
    )
  }

  const definition = parseDefinition(sections.get('Definition'), report)
  const useCases = parseListSection(sections.get('Use Cases'), report, parseUseCase)
  const providerEquivalents = parseProviders(sections.get('Provider Equivalents'), report)
  const faqs = parseFaqs(sections.get('Frequently Asked Questions'), report)
  const category = parseCategory(fields.get('category'), report)
  const difficulty = parseDifficulty(fields.get('difficulty'), report)
  const relatedTerms = parseListSection(sections.get('Related Terms'), report, (name) => ({ entry: name }))
  const seeAlso = parseListSection(sections.get('See Also'), report, (name) => ({ entry: name }))

  if (problems.length > 0 || title === null || definition === null || category === null || difficulty === null) {
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line) }
  }
  return {
    ok: true,
    document: {
      title: title.text,
      slug,
      definition: definition.text,
      analogy: definition.analogy,
      useCases,
      providerEquivalents,
      faqs,
      category,
      difficulty,
      relatedTerms,
      seeAlso,
    },
  }
}

/** Splits the analogy (a last sentence starting with "Like " or "Think of ") off a paragraph. */
export function splitOffAnalogy(paragraph: string): { rest: string; analogy: string | null } {
  let lastSentenceStart = 0
  for (const boundary of paragraph.matchAll(/[.!?]\s+/g)) {
    lastSentenceStart = boundary.index + boundary[0].length
  }
  const lastSentence = paragraph.slice(lastSentenceStart)
  if (!/^(Like|Think of) /.test(lastSentence)) return { rest: paragraph, analogy: null }
  return { rest: paragraph.slice(0, lastSentenceStart).trim(), analogy: lastSentence.trim() }
}

function parseDefinition(
  section: Section | undefined,
  report: Report,
): { text: string; analogy: string | null } | null {
  if (!section) {
    report(1, 'Definition section is missing; add a "Definition" heading followed by the definition text')
    return null
  }
  const paragraphs = section.body.map((line) => line.text)
  const lastParagraph = paragraphs.pop()
  if (lastParagraph === undefined) {
    report(section.headingLine, 'Definition section is empty; write the definition below the "Definition" heading')
    return null
  }
  const { rest, analogy } = splitOffAnalogy(lastParagraph)
  if (rest !== '') paragraphs.push(rest)
  if (paragraphs.length === 0) {
    report(
      section.body.at(-1)?.number ?? section.headingLine,
      'Definition has no text besides the analogy; write what the term is before the "Like …"/"Think of …" sentence',
    )
    return null
  }
  return { text: paragraphs.join('\n\n'), analogy }
}

function parseCategory(field: FieldLine | undefined, report: Report): string | null {
  if (!field) {
    report(1, 'Category is missing; add a line such as "Category: security"')
    return null
  }
  if (field.value === '') {
    report(field.number, 'Category is empty; write a category name after "Category:", e.g. "Category: security"')
    return null
  }
  return field.value.toLowerCase()
}

function parseDifficulty(field: FieldLine | undefined, report: Report): Difficulty | null {
  if (!field) {
    report(1, `Difficulty is missing; add a line such as "Difficulty: beginner" (allowed: ${DIFFICULTY_LIST})`)
    return null
  }
  const value = field.value.toLowerCase()
  const difficulty = DIFFICULTIES.find((allowed) => allowed === value)
  if (difficulty === undefined) {
    report(field.number, `Difficulty "${field.value}" is not allowed; use one of: ${DIFFICULTY_LIST}`)
    return null
  }
  return difficulty
}
