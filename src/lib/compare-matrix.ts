// The cross-provider comparison: published terms × providers, grouped by category, with the same
// filters as the A–Z index. The page, the CSV and the JSON download are all made from one matrix.
import { csvRow } from './csv'
import type { SiteContent, ProviderView } from './site-content'
import { filterTerms, type TermFilters } from './term-filters'
import type { ProviderEquivalentView } from './term-view'

export type CompareCell = Pick<ProviderEquivalentView, 'service' | 'matchLevel' | 'docUrl' | 'note'>

export type CompareRow = {
  term: { title: string; slug: string; difficulty: string }
  /** One cell per provider column, in column order; null when the term lists nothing for that provider. */
  cells: (CompareCell | null)[]
}

export type CompareGroup = { category: { name: string; slug: string }; rows: CompareRow[] }

export type CompareMatrix = {
  providers: Pick<ProviderView, 'name' | 'slug' | 'fullName' | 'brandColor'>[]
  groups: CompareGroup[]
  termCount: number
}

const UNCATEGORISED = { name: 'Uncategorised', slug: 'uncategorised' }

export function buildCompareMatrix(content: Pick<SiteContent, 'terms' | 'providers'>, filters: TermFilters): CompareMatrix {
  const providers = content.providers
    .filter((provider) => filters.providers.length === 0 || filters.providers.includes(provider.slug))
    .map(({ name, slug, fullName, brandColor }) => ({ name, slug, fullName, brandColor }))

  // The provider filter chooses columns here; every term in the chosen categories keeps its row.
  const terms = filterTerms(content.terms, { ...filters, providers: [] })
  const groups = new Map<string, CompareGroup>()
  for (const term of terms) {
    const category = term.category ?? UNCATEGORISED
    const group = groups.get(category.slug) ?? { category: { name: category.name, slug: category.slug }, rows: [] }
    const cells = providers.map((provider) => {
      const row = term.providerEquivalents.find((equivalent) => equivalent.provider.slug === provider.slug)
      return row ? { service: row.service, matchLevel: row.matchLevel, docUrl: row.docUrl, note: row.note } : null
    })
    group.rows.push({ term: { title: term.title, slug: term.slug, difficulty: term.difficulty }, cells })
    groups.set(category.slug, group)
  }

  const sortedGroups = [...groups.values()].sort((a, b) => a.category.name.localeCompare(b.category.name, 'en'))
  for (const group of sortedGroups) group.rows.sort((a, b) => a.term.title.localeCompare(b.term.title, 'en', { sensitivity: 'base' }))
  return { providers, groups: sortedGroups, termCount: terms.length }
}

/** What a cell says in words: the service, "No equivalent", or empty when nothing is recorded. */
export function describeCell(cell: CompareCell | null): string {
  if (!cell) return ''
  return cell.service ?? 'No equivalent'
}

export function compareMatrixToCsv(matrix: CompareMatrix, termUrl: (slug: string) => string): string {
  const header = ['Category', 'Term', 'Difficulty', 'URL']
  for (const provider of matrix.providers) header.push(`${provider.name} service`, `${provider.name} match`)
  let csv = csvRow(header)
  for (const group of matrix.groups) {
    for (const row of group.rows) {
      const cells = row.cells.flatMap((cell) => [describeCell(cell), cell?.matchLevel ?? ''])
      csv += csvRow([group.category.name, row.term.title, row.term.difficulty, termUrl(row.term.slug), ...cells])
    }
  }
  return csv
}

export function compareMatrixToJson(matrix: CompareMatrix, termUrl: (slug: string) => string) {
  return {
    providers: matrix.providers.map(({ name, slug, fullName }) => ({ name, slug, fullName })),
    termCount: matrix.termCount,
    categories: matrix.groups.map((group) => ({
      name: group.category.name,
      slug: group.category.slug,
      terms: group.rows.map((row) => ({
        title: row.term.title,
        slug: row.term.slug,
        difficulty: row.term.difficulty,
        url: termUrl(row.term.slug),
        providers: Object.fromEntries(
          matrix.providers.map((provider, index) => {
            const cell = row.cells[index] ?? null
            return [
              provider.slug,
              cell
                ? { service: cell.service, matchLevel: cell.matchLevel, docUrl: cell.docUrl, note: cell.note }
                : null,
            ]
          }),
        ),
      })),
    })),
  }
}
