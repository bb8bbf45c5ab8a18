import { describe, expect, it } from 'vitest'

import { buildCompareMatrix, compareMatrixToCsv, compareMatrixToJson } from '@/lib/compare-matrix'
import { readTermFilters } from '@/lib/term-filters'

import { equivalent, siteContent, termView } from './support/site-fixtures'

const content = siteContent([
  termView({
    title: 'Key Management',
    slug: 'kms',
    providerEquivalents: [equivalent('aws', 'AWS KMS'), equivalent('azure', 'Key Vault', 'close')],
  }),
  termView({
    title: 'Block Storage',
    slug: 'block-storage',
    category: { name: 'Storage', slug: 'storage' },
    difficulty: 'intermediate',
    providerEquivalents: [equivalent('aws', 'Amazon EBS'), equivalent('gcp', null)],
  }),
  termView({ title: 'Audit Log', slug: 'audit-log', providerEquivalents: [equivalent('aws', 'CloudTrail, "classic"')] }),
])

const url = (slug: string) => `https://cloudlex.test/terms/${slug}`

/** A small RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      index += 1
    } else cell += char
  }
  return rows
}

describe('compare matrix', () => {
  it('groups terms by category name and sorts rows by title', () => {
    const matrix = buildCompareMatrix(content, readTermFilters({}, content))
    expect(matrix.groups.map((group) => group.category.name)).toEqual(['Security', 'Storage'])
    expect(matrix.groups[0]!.rows.map((row) => row.term.title)).toEqual(['Audit Log', 'Key Management'])
    expect(matrix.termCount).toBe(3)
  })

  it('has one cell per provider: the service, an explicit "no equivalent", or nothing recorded', () => {
    const matrix = buildCompareMatrix(content, readTermFilters({}, content))
    const block = matrix.groups[1]!.rows[0]!
    expect(matrix.providers.map((provider) => provider.slug)).toEqual(['aws', 'azure', 'gcp'])
    expect(block.cells[0]).toMatchObject({ service: 'Amazon EBS', matchLevel: 'exact' })
    expect(block.cells[1]).toBeNull()
    expect(block.cells[2]).toMatchObject({ service: null, matchLevel: 'none' })
  })

  it('filters categories as rows and providers as columns, ignoring unknown values', () => {
    const filters = readTermFilters({ category: 'security', provider: ['azure', 'nope'] }, content)
    const matrix = buildCompareMatrix(content, filters)
    expect(matrix.providers.map((provider) => provider.slug)).toEqual(['azure'])
    expect(matrix.groups.map((group) => group.category.slug)).toEqual(['security'])
    expect(matrix.groups[0]!.rows.map((row) => row.cells[0]?.service ?? null)).toEqual([null, 'Key Vault'])
  })

  it('writes a CSV that parses back to the matrix, quoting commas and quotes', () => {
    const matrix = buildCompareMatrix(content, readTermFilters({}, content))
    const rows = parseCsv(compareMatrixToCsv(matrix, url))
    expect(rows[0]).toEqual(['Category', 'Term', 'Difficulty', 'URL', 'AWS service', 'AWS match', 'Azure service', 'Azure match', 'GCP service', 'GCP match'])
    expect(rows).toHaveLength(4)
    expect(rows[1]!.slice(0, 6)).toEqual(['Security', 'Audit Log', 'beginner', url('audit-log'), 'CloudTrail, "classic"', 'exact'])
    expect(rows[3]!.slice(8)).toEqual(['No equivalent', 'none'])
  })

  it('gives the same cells as JSON, keyed by provider', () => {
    const matrix = buildCompareMatrix(content, readTermFilters({ provider: 'aws' }, content))
    const json = compareMatrixToJson(matrix, url)
    expect(json.providers.map((provider) => provider.slug)).toEqual(['aws'])
    expect(json.categories[0]!.terms[1]).toMatchObject({ slug: 'kms', providers: { aws: { service: 'AWS KMS' } } })
  })
})
