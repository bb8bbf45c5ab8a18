// The list sections of a term document ("- " lines): use cases, provider equivalents and FAQs.
import type { Line, Report, Section } from './outline'
import type { FaqEntry, ProviderEquivalentEntry, UseCaseEntry } from './types'

const USE_CASE_FORMAT = '"- ORGANIZATION: SCENARIO — SOLUTION (OUTCOME)"'
const PROVIDER_FORMAT = '"- PROVIDER: SERVICE"'

/** Text of a `- ` list item, or null when the line is not one. */
function listItemText(line: string): string | null {
  return line === '-' || line.startsWith('- ') ? line.slice(1).trim() : null
}

type ItemResult<T> = { entry: T } | { problem: string }

/** Runs `parseItem` on the text of every `- ` line of a section and reports the problems it returns. */
export function parseListSection<T>(
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

export function parseUseCase(text: string): ItemResult<UseCaseEntry> {
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

export function parseProviders(section: Section | undefined, report: Report): ProviderEquivalentEntry[] {
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

export function parseFaqs(section: Section | undefined, report: Report): FaqEntry[] {
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
