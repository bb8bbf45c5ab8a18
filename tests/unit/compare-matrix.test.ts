import { describe, expect, it } from 'vitest'

import {
  chosenColumns,
  compareCsvHeader,
  compareCsvLine,
  compareJsonPieces,
  compareJsonTerm,
  compareRow,
  withColumns,
  type CompareProvider,
  type CompareTerm,
} from '@/downloads/compare-matrix'

const PROVIDERS: CompareProvider[] = [
  { id: 'p-aws', name: 'AWS', slug: 'aws', fullName: 'Amazon Web Services', brandColor: '#ff9900' },
  { id: 'p-azure', name: 'Azure', slug: 'azure', fullName: 'Microsoft Azure', brandColor: '#0078d4' },
  { id: 'p-gcp', name: 'GCP', slug: 'gcp', fullName: 'Google Cloud', brandColor: '#4285f4' },
]

const blockStorage: CompareTerm = {
  title: 'Block Storage',
  slug: 'block-storage',
  difficulty: 'intermediate',
  providerEquivalents: [
    { provider: 'p-aws', service: 'Amazon EBS', matchLevel: 'exact', docUrl: 'https://docs.example/ebs', note: null },
    { provider: { id: 'p-gcp' }, service: '  ', matchLevel: null, docUrl: 'javascript:alert(1)' },
  ],
}
const auditLog: CompareTerm = {
  title: 'Audit Log',
  slug: 'audit-log',
  difficulty: 'beginner',
  providerEquivalents: [{ provider: 'p-aws', service: '=CloudTrail, "classic"', matchLevel: 'close' }],
}

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

describe('a row of the compare matrix', () => {
  it('has one cell per provider column: the service, an explicit "no equivalent", or nothing recorded', () => {
    const row = compareRow(blockStorage, PROVIDERS)
    expect(row.term).toEqual({ title: 'Block Storage', slug: 'block-storage', difficulty: 'intermediate' })
    expect(row.cells[0]).toEqual({
      service: 'Amazon EBS',
      matchLevel: 'exact',
      docUrl: 'https://docs.example/ebs',
      note: null,
    })
    expect(row.cells[1]).toBeNull()
    // A blank service means no equivalent; an address that is not http(s) is never linked.
    expect(row.cells[2]).toEqual({ service: null, matchLevel: 'none', docUrl: null, note: null })
  })

  it('keeps only the columns a provider filter chooses, in display order, and all of them without one', () => {
    expect(chosenColumns(PROVIDERS, ['gcp', 'aws'])).toEqual([0, 2])
    expect(chosenColumns(PROVIDERS, [])).toEqual([0, 1, 2])
    const row = withColumns(compareRow(blockStorage, PROVIDERS), chosenColumns(PROVIDERS, ['gcp']))
    expect(row.cells).toEqual([{ service: null, matchLevel: 'none', docUrl: null, note: null }])
  })
})

describe('the compare downloads', () => {
  it('write CSV lines that parse back to the rows, quoting commas and quotes and defusing formulas', () => {
    const csv =
      compareCsvHeader(PROVIDERS) +
      compareCsvLine('Security', compareRow(auditLog, PROVIDERS), url) +
      compareCsvLine('Storage', compareRow(blockStorage, PROVIDERS), url)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual([
      'Category',
      'Term',
      'Difficulty',
      'URL',
      'AWS service',
      'AWS match',
      'Azure service',
      'Azure match',
      'GCP service',
      'GCP match',
    ])
    expect(rows[1]).toEqual([
      'Security',
      'Audit Log',
      'beginner',
      url('audit-log'),
      `'=CloudTrail, "classic"`,
      'close',
      '',
      '',
      '',
      '',
    ])
    expect(rows[2]!.slice(8)).toEqual(['No equivalent', 'none'])
  })

  it('write JSON in pieces that join into one document with the cells keyed by provider', () => {
    const providers = PROVIDERS.slice(0, 2)
    const term = (row: CompareTerm, first: boolean) =>
      compareJsonPieces.term(compareJsonTerm(compareRow(row, providers), providers, url), first)
    const text = [
      compareJsonPieces.open(providers, 2),
      compareJsonPieces.openCategory({ name: 'Security', slug: 'security' }, true),
      term(auditLog, true),
      compareJsonPieces.closeCategory(),
      compareJsonPieces.openCategory({ name: 'Storage "and more"', slug: 'storage' }, false),
      term(blockStorage, true),
      compareJsonPieces.closeCategory(),
      compareJsonPieces.close(),
    ].join('')
    const json = JSON.parse(text) as {
      providers: { slug: string }[]
      termCount: number
      categories: { name: string; terms: { slug: string; providers: Record<string, unknown> }[] }[]
    }
    expect(json.providers.map((provider) => provider.slug)).toEqual(['aws', 'azure'])
    expect(json.termCount).toBe(2)
    expect(json.categories.map((category) => category.name)).toEqual(['Security', 'Storage "and more"'])
    expect(json.categories[1]!.terms[0]).toMatchObject({
      slug: 'block-storage',
      providers: { aws: { service: 'Amazon EBS' }, azure: null },
    })
  })
})
