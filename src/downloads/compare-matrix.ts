// The cross-provider comparison: published terms × providers, one category at a time. The page, the CSV
// and the JSON download are made from the same rows; the downloads are written row by row, so they can
// be streamed a page of rows at a time without holding the whole glossary.
import { isHttpUrl } from '@/fields/http-url'

import { csvRow } from './csv'
import { relationId } from '../fields/relations'
import type { ProviderEquivalentView, ProviderRef } from '../site-data/term-view'

export type CompareProvider = ProviderRef & { id: string }

export type CompareCell = Pick<ProviderEquivalentView, 'service' | 'matchLevel' | 'docUrl' | 'note'>

export type CompareRow = {
  term: { title: string; slug: string; difficulty: string }
  /** One cell per provider column, in column order; null when the term lists nothing for that provider. */
  cells: (CompareCell | null)[]
}

type Related = string | number | { id: string | number } | null | undefined
type EquivalentRow = {
  provider?: Related
  service?: string | null
  matchLevel?: CompareCell['matchLevel'] | null
  docUrl?: string | null
  note?: string | null
}
export type CompareTerm = {
  title: string
  slug: string
  difficulty: string
  providerEquivalents?: EquivalentRow[] | null
}

function cellOf(row: EquivalentRow): CompareCell {
  const service = row.service?.trim() ? row.service.trim() : null
  return {
    service,
    matchLevel: row.matchLevel ?? (service ? null : 'none'),
    docUrl: isHttpUrl(row.docUrl) ? row.docUrl : null,
    note: row.note ?? null,
  }
}

/** A term's row of the matrix, with one cell per provider column. */
export function compareRow(term: CompareTerm, providers: readonly Pick<CompareProvider, 'id'>[]): CompareRow {
  const cells = providers.map((provider) => {
    const row = (term.providerEquivalents ?? []).find((equivalent) => relationId(equivalent.provider) === provider.id)
    return row ? cellOf(row) : null
  })
  return { term: { title: term.title, slug: term.slug, difficulty: term.difficulty }, cells }
}

/** The columns a provider filter chooses, in display order; all of them when the filter is empty. */
export function chosenColumns<P extends { slug: string }>(providers: readonly P[], slugs: readonly string[]): number[] {
  return providers.flatMap((provider, index) => (slugs.length === 0 || slugs.includes(provider.slug) ? [index] : []))
}

/** The row with only the chosen columns, in their order. */
export function withColumns(row: CompareRow, columns: readonly number[]): CompareRow {
  return { term: row.term, cells: columns.map((index) => row.cells[index] ?? null) }
}

/** What a cell says in words: the service, "No equivalent", or empty when nothing is recorded. */
export function describeCell(cell: CompareCell | null): string {
  if (!cell) return ''
  return cell.service ?? 'No equivalent'
}

type Named = Pick<CompareProvider, 'name' | 'slug' | 'fullName'>

export function compareCsvHeader(providers: readonly Named[]): string {
  const header = ['Category', 'Term', 'Difficulty', 'URL']
  for (const provider of providers) header.push(`${provider.name} service`, `${provider.name} match`)
  return csvRow(header)
}

export function compareCsvLine(categoryName: string, row: CompareRow, termUrl: (slug: string) => string): string {
  const cells = row.cells.flatMap((cell) => [describeCell(cell), cell?.matchLevel ?? ''])
  return csvRow([categoryName, row.term.title, row.term.difficulty, termUrl(row.term.slug), ...cells])
}

export function compareJsonTerm(row: CompareRow, providers: readonly Named[], termUrl: (slug: string) => string) {
  return {
    title: row.term.title,
    slug: row.term.slug,
    difficulty: row.term.difficulty,
    url: termUrl(row.term.slug),
    providers: Object.fromEntries(
      providers.map((provider, index) => {
        const cell = row.cells[index] ?? null
        return [
          provider.slug,
          cell ? { service: cell.service, matchLevel: cell.matchLevel, docUrl: cell.docUrl, note: cell.note } : null,
        ]
      }),
    ),
  }
}

/**
 * The JSON download in pieces: `{"providers":…,"termCount":…,"categories":[` then each category as
 * `{"name":…,"slug":…,"terms":[` + terms + `]}`, then `]}`. Joined, the pieces are one JSON document.
 */
export const compareJsonPieces = {
  open: (providers: readonly Named[], termCount: number) =>
    `{"providers":${JSON.stringify(providers.map(({ name, slug, fullName }) => ({ name, slug, fullName })))},"termCount":${termCount},"categories":[`,
  openCategory: (category: { name: string; slug: string }, first: boolean) =>
    `${first ? '' : ','}{"name":${JSON.stringify(category.name)},"slug":${JSON.stringify(category.slug)},"terms":[`,
  term: (term: ReturnType<typeof compareJsonTerm>, first: boolean) => `${first ? '' : ','}${JSON.stringify(term)}`,
  closeCategory: () => ']}',
  close: () => ']}',
}
