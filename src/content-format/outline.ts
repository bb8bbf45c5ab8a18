// The outline of a term document: its title, its section headings with the lines under each, and its
// one-line "Category:"/"Difficulty:" fields.
import { SECTION_HEADINGS, type SectionHeading } from './types'

export interface Line {
  number: number
  text: string
}

export interface Section {
  heading: SectionHeading
  headingLine: number
  body: Line[]
}

type FieldKey = 'category' | 'difficulty'

export interface FieldLine {
  number: number
  value: string
}

export type Report = (line: number, message: string) => void

const HEADING_LIST = SECTION_HEADINGS.join(', ')

interface Outline {
  title: Line | null
  sections: Map<SectionHeading, Section>
  fields: Map<FieldKey, FieldLine>
}

/** Finds the title, sections and one-line fields, reporting problems with the document's structure. */
export function readOutline(text: string, report: Report): Outline {
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

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
