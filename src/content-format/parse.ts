import { slugify } from './slugify'
import {
  DIFFICULTIES,
  SECTION_HEADINGS,
  type Difficulty,
  type FaqEntry,
  type ParseProblem,
  type ParseResult,
  type ProviderEquivalentEntry,
  type SectionHeading,
  type UseCaseEntry,
} from './types'

interface Line {
  number: number
  text: string
}

interface Section {
  heading: SectionHeading
  headingLine: number
  body: Line[]
}

type FieldKey = 'category' | 'difficulty'

interface FieldLine {
  number: number
  value: string
}

type Report = (line: number, message: string) => void

const USE_CASE_FORMAT = '"- ORGANIZATION: SCENARIO — SOLUTION (OUTCOME)"'
const PROVIDER_FORMAT = '"- PROVIDER: SERVICE"'
const HEADING_LIST = SECTION_HEADINGS.join(', ')
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

interface Outline {
  title: Line | null
  sections: Map<SectionHeading, Section>
  fields: Map<FieldKey, FieldLine>
}

/** Finds the title, sections and one-line fields, reporting problems with the document's structure. */
function readOutline(text: string, report: Report): Outline {
  const sections = new Map<SectionHeading, Section>()
  const fields = new Map<FieldKey, FieldLine>()
  let title: Line | null = null
  let sawFirstLine = false
  let currentBody: Line[] | null = null

  for (const line of splitLines(text)) {
    if (line.text === '') continue
    const heading = matchHeading(line.text)
    const field = matchField(line.text)

    if (!sawFirstLine) {
      sawFirstLine = true
      if (heading === null && field === null) {
        title = line
        continue
      }
      report(
        line.number,
        `missing title: expected the term's title as the first non-empty line, found "${line.text}"; add the title above it`,
      )
    }

    if (heading !== null) {
      const earlier = sections.get(heading)
      if (earlier) {
        report(
          line.number,
          `"${heading}" heading appears twice (first at line ${earlier.headingLine}); merge both into one section`,
        )
        // Keep reading into the first section so its lines are still checked.
        currentBody = earlier.body
      } else {
        const section: Section = { heading, headingLine: line.number, body: [] }
        sections.set(heading, section)
        currentBody = section.body
      }
    } else if (field !== null) {
      currentBody = null
      const earlier = fields.get(field.key)
      if (earlier) {
        report(
          line.number,
          `${capitalize(field.key)} is given twice (first at line ${earlier.number}); keep only one "${capitalize(field.key)}:" line`,
        )
      } else {
        fields.set(field.key, { number: line.number, value: field.value })
      }
    } else if (currentBody !== null) {
      currentBody.push(line)
    } else {
      report(
        line.number,
        `text outside any section: expected a section heading (${HEADING_LIST}) or a "Category:"/"Difficulty:" line before it`,
      )
    }
  }

  if (!sawFirstLine) report(1, "missing title: the file is empty; expected the term's title on the first line")
  return { title, sections, fields }
}

function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, index) => ({ number: index + 1, text: line.trim() }))
}

export function matchHeading(line: string): SectionHeading | null {
  const wanted = line.trim().toLowerCase()
  return SECTION_HEADINGS.find((heading) => heading.toLowerCase() === wanted) ?? null
}

export function matchField(line: string): { key: FieldKey; value: string } | null {
  const match = /^(category|difficulty)\s*:(.*)$/is.exec(line.trim())
  if (!match) return null
  return { key: (match[1] ?? '').toLowerCase() as FieldKey, value: (match[2] ?? '').trim() }
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

/** Text of a `- ` list item, or null when the line is not one. */
function listItemText(line: string): string | null {
  return line === '-' || line.startsWith('- ') ? line.slice(1).trim() : null
}

type ItemResult<T> = { entry: T } | { problem: string }

/** Runs `parseItem` on the text of every `- ` line of a section and reports the problems it returns. */
function parseListSection<T>(
  section: Section | undefined,
  report: Report,
  parseItem: (text: string, line: Line) => ItemResult<T>,
): T[] {
  const entries: T[] = []
  for (const line of section?.body ?? []) {
    const text = listItemText(line.text)
    if (text === null) {
      report(line.number, `each line in the "${section?.heading}" section must start with "- "`)
    } else if (text === '') {
      report(
        line.number,
        `empty "- " line in the "${section?.heading}" section; write text after "- " or remove the line`,
      )
    } else {
      const result = parseItem(text, line)
      if ('problem' in result) report(line.number, result.problem)
      else entries.push(result.entry)
    }
  }
  return entries
}

export function findSeparator(text: string): { index: number; length: number } | null {
  const candidates = [' — ', ' -- ']
    .map((separator) => ({ index: text.indexOf(separator), length: separator.length }))
    .filter((candidate) => candidate.index >= 0)
    .sort((a, b) => a.index - b.index)
  return candidates[0] ?? null
}

/**
 * Splits a trailing balanced parenthesised group off as the outcome.
 * Returns null when the text ends with ")" that has no matching "(".
 */
export function splitOffOutcome(text: string): { solution: string; outcome: string | null } | null {
  if (!text.endsWith(')')) return { solution: text, outcome: null }
  let depth = 0
  for (let index = text.length - 1; index >= 0; index--) {
    const char = text[index]
    if (char === ')') depth++
    if (char === '(' && --depth === 0) {
      return { solution: text.slice(0, index).trim(), outcome: text.slice(index + 1, -1).trim() }
    }
  }
  return null
}

function parseUseCase(text: string): ItemResult<UseCaseEntry> {
  const colon = text.indexOf(':')
  if (colon < 0) return { problem: `use case has no "ORGANIZATION:" at the start; expected ${USE_CASE_FORMAT}` }
  const organization = text.slice(0, colon).trim()
  // Padding lets a dash at either end still count as the separator, so the problem
  // reported is the empty scenario or solution rather than a missing separator.
  const afterColon = ` ${text.slice(colon + 1)} `
  const separator = findSeparator(afterColon)
  if (separator === null) {
    return {
      problem: `use case has no " — " separator between scenario and solution (" -- " also works); expected ${USE_CASE_FORMAT}`,
    }
  }
  const scenario = afterColon.slice(0, separator.index).trim()
  const split = splitOffOutcome(afterColon.slice(separator.index + separator.length).trim())
  if (split === null) {
    return {
      problem:
        'use case ends with ")" that has no matching "("; the outcome must be a balanced "(OUTCOME)" group at the end of the line',
    }
  }
  if (organization === '') {
    return { problem: `use case organization is empty; write it before ":" as in ${USE_CASE_FORMAT}` }
  }
  if (scenario === '') {
    return { problem: `use case scenario is empty; write it between ":" and " — " as in ${USE_CASE_FORMAT}` }
  }
  if (split.solution === '') {
    return { problem: `use case solution is empty; write it after " — " as in ${USE_CASE_FORMAT}` }
  }
  if (split.outcome === '') {
    return { problem: 'use case outcome "()" is empty; write the outcome inside the parentheses or remove them' }
  }
  return { entry: { organization, scenario, solution: split.solution, outcome: split.outcome } }
}

export function isNoServiceMarker(service: string): boolean {
  return /^(—|-|n\/a|none|)$/i.test(service.trim())
}

function parseProviders(section: Section | undefined, report: Report): ProviderEquivalentEntry[] {
  const firstLineByProvider = new Map<string, number>()
  return parseListSection<ProviderEquivalentEntry>(section, report, (text, line) => {
    const colon = text.indexOf(':')
    if (colon < 0) {
      return {
        problem: `provider equivalent has no "PROVIDER:" at the start; expected ${PROVIDER_FORMAT} (use "N/A" as the service when there is no equivalent)`,
      }
    }
    const provider = text.slice(0, colon).trim()
    if (provider === '') return { problem: `provider name is empty; write it before ":" as in ${PROVIDER_FORMAT}` }
    const firstLine = firstLineByProvider.get(provider.toLowerCase())
    if (firstLine !== undefined) {
      return {
        problem: `provider "${provider}" is listed twice (first at line ${firstLine}); keep one line per provider`,
      }
    }
    firstLineByProvider.set(provider.toLowerCase(), line.number)
    const service = text.slice(colon + 1).trim()
    return { entry: { provider, service: isNoServiceMarker(service) ? null : service } }
  })
}

function parseFaqs(section: Section | undefined, report: Report): FaqEntry[] {
  const items = parseListSection(section, report, (text, line) => ({ entry: { number: line.number, text } }))
  const faqs: FaqEntry[] = []
  for (let index = 0; index < items.length; index += 2) {
    const question = items[index]
    const answer = items[index + 1]
    if (question === undefined) break
    if (answer === undefined) {
      report(question.number, 'FAQ question has no answer; add a "- ANSWER" line right after the question')
    } else {
      faqs.push({ question: question.text, answer: answer.text })
    }
  }
  return faqs
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

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
