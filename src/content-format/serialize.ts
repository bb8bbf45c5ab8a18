import { findSeparator, isNoServiceMarker, splitOffOutcome } from './list-sections'
import { matchField, matchHeading } from './outline'
import { splitOffAnalogy } from './parse'
import { slugify } from './slugify'
import { DIFFICULTIES, type TermDocument } from './types'

/** Checks that values survive a write-then-parse round trip; every failure throws an Error naming the field. */
interface Checker {
  fail(field: string, reason: string): never
  /** A non-empty, trimmed value without line breaks. */
  oneLine(field: string, value: string): string
  /** A one-line value written on a line of its own, so it must not look like a heading or field. */
  ownLine(field: string, value: string): string
}

function checkerFor(doc: TermDocument): Checker {
  const fail = (field: string, reason: string): never => {
    throw new Error(`Term ${JSON.stringify(doc.title)} cannot be written as text: ${field} ${reason}`)
  }
  const oneLine = (field: string, value: string): string => {
    if (typeof value !== 'string' || value === '') fail(field, 'is empty')
    if (/[\r\n]/.test(value)) fail(field, 'contains a line break; it must fit on one line')
    if (value !== value.trim()) fail(field, 'has leading or trailing whitespace, which the parser would drop')
    return value
  }
  const ownLine = (field: string, value: string): string => {
    oneLine(field, value)
    if (matchHeading(value) !== null || matchField(value) !== null) {
      fail(field, `("${value}") would be read as a section heading or a "Category:"/"Difficulty:" line`)
    }
    return value
  }
  return { fail, oneLine, ownLine }
}

export function serializeTermDocument(doc: TermDocument): string {
  const check = checkerFor(doc)
  const title = check.ownLine('title', doc.title)
  const slug = slugify(title)
  if (slug === '') check.fail('title', 'has no letter a–z or digit 0–9 to derive a slug from')
  if (doc.slug !== slug) {
    check.fail('slug', `"${doc.slug}" differs from "${slug}", the slug the parser derives from the title`)
  }

  const category = check.oneLine('category', doc.category)
  if (category !== category.toLowerCase()) check.fail('category', `"${category}" must be lower-case`)
  if (!DIFFICULTIES.includes(doc.difficulty)) {
    check.fail('difficulty', `"${String(doc.difficulty)}" is not one of: ${DIFFICULTIES.join(', ')}`)
  }

  const lines = [
    title,
    'Definition',
    ...definitionLines(doc, check),
    'Use Cases',
    ...useCaseLines(doc, check),
    'Provider Equivalents',
    ...providerLines(doc, check),
    'Frequently Asked Questions',
    ...doc.faqs.flatMap((faq, index) => [
      `- ${check.oneLine(`faqs[${index}].question`, faq.question)}`,
      `- ${check.oneLine(`faqs[${index}].answer`, faq.answer)}`,
    ]),
    `Category: ${category}`,
    `Difficulty: ${doc.difficulty}`,
    'Related Terms',
    ...doc.relatedTerms.map((name, index) => `- ${check.oneLine(`relatedTerms[${index}]`, name)}`),
    'See Also',
    ...doc.seeAlso.map((name, index) => `- ${check.oneLine(`seeAlso[${index}]`, name)}`),
  ]
  return `${lines.join('\n')}\n`
}

function definitionLines(doc: TermDocument, check: Checker): string[] {
  if (doc.definition === '') check.fail('definition', 'is empty')
  const paragraphs = doc.definition
    .split('\n\n')
    .map((paragraph, index) => check.ownLine(`definition (paragraph ${index + 1})`, paragraph))
  const lastParagraph = paragraphs.pop() ?? ''

  if (doc.analogy === null) {
    if (splitOffAnalogy(lastParagraph).analogy !== null) {
      check.fail(
        'definition',
        'ends with a sentence starting with "Like " or "Think of ", which would be read as the analogy',
      )
    }
    paragraphs.push(lastParagraph)
  } else {
    const analogy = check.oneLine('analogy', doc.analogy)
    // Appended text only starts a new sentence after . ! or ?, so otherwise the analogy gets its own paragraph.
    const appended = /[.!?]$/.test(lastParagraph)
    const written = appended ? [`${lastParagraph} ${analogy}`] : [lastParagraph, analogy]
    const reread = splitOffAnalogy(written.at(-1) ?? '')
    if (reread.analogy !== analogy || reread.rest !== (appended ? lastParagraph : '')) {
      check.fail('analogy', `("${analogy}") must be one sentence starting with "Like " or "Think of "`)
    }
    paragraphs.push(...written)
  }
  return paragraphs.flatMap((paragraph, index) => (index === 0 ? [paragraph] : ['', paragraph]))
}

function useCaseLines(doc: TermDocument, check: Checker): string[] {
  return doc.useCases.map((useCase, index) => {
    const field = `useCases[${index}]`
    const organization = check.oneLine(`${field}.organization`, useCase.organization)
    if (organization.includes(':')) {
      check.fail(`${field}.organization`, 'contains ":", which would end the organization early')
    }
    const scenario = check.oneLine(`${field}.scenario`, useCase.scenario)
    if (findSeparator(` ${scenario} `) !== null) {
      check.fail(
        `${field}.scenario`,
        'contains " — " or " -- ", which would be read as the scenario/solution separator',
      )
    }
    const solution = check.oneLine(`${field}.solution`, useCase.solution)
    const outcome = useCase.outcome === null ? null : check.oneLine(`${field}.outcome`, useCase.outcome)
    const ending = outcome === null ? solution : `${solution} (${outcome})`
    const reread = splitOffOutcome(ending)
    if (reread === null || reread.solution !== solution || reread.outcome !== outcome) {
      if (outcome === null) {
        check.fail(
          `${field}.solution`,
          'ends with ")" and there is no outcome, so the end would be read back as an outcome',
        )
      }
      check.fail(`${field}.outcome`, 'has unbalanced parentheses')
    }
    return `- ${organization}: ${scenario} — ${ending}`
  })
}

function providerLines(doc: TermDocument, check: Checker): string[] {
  const seen = new Set<string>()
  return doc.providerEquivalents.map((entry, index) => {
    const field = `providerEquivalents[${index}]`
    const provider = check.oneLine(`${field}.provider`, entry.provider)
    if (provider.includes(':')) check.fail(`${field}.provider`, 'contains ":", which would end the provider name early')
    if (seen.has(provider.toLowerCase())) check.fail(`${field}.provider`, `"${provider}" is listed twice`)
    seen.add(provider.toLowerCase())
    if (entry.service === null) return `- ${provider}: N/A`
    const service = check.oneLine(`${field}.service`, entry.service)
    if (isNoServiceMarker(service)) {
      check.fail(`${field}.service`, `"${service}" would be read as "no equivalent"; use null for that`)
    }
    return `- ${provider}: ${service}`
  })
}
