import { describe, expect, it } from 'vitest'

import {
  auditExportFileName,
  csvHeaderLine,
  formatAuditRows,
  toAuditExportRow,
  type StoredAuditEntry,
} from '@/audit/format-audit-export'
import { csvCell } from '@/downloads/csv'

const entry: StoredAuditEntry = {
  id: 'e1',
  createdAt: '2026-11-24T22:44:18.123Z',
  action: 'update',
  actorType: 'user',
  actor: { id: 'u1' },
  actorLabel: 'editor@cloudlex.test',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  targetCollection: 'terms',
  targetId: 't1',
  targetTitle: 'Object Storage',
  changedFields: ['definition', 'analogy'],
  note: null,
}

describe('CSV cells', () => {
  it('leave plain text as it is and empty values empty', () => {
    expect(csvCell('Object Storage')).toBe('Object Storage')
    expect(csvCell('')).toBe('')
    expect(csvCell(null)).toBe('')
  })

  it('quote text with commas, doubling quotes inside', () => {
    expect(csvCell('Buckets, objects')).toBe('"Buckets, objects"')
    expect(csvCell('The "cloud"')).toBe('"The ""cloud"""')
  })

  it('quote text with line breaks, keeping them', () => {
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"')
    expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"')
  })

  it.each(['=SUM(A1:A9)', '+1', '-2+3', '@cmd', '\tindented'])('make %j text, not a formula', (value) => {
    expect(csvCell(value)).toBe(`'${value}`)
  })

  it('guard a formula first and quote the result when it needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x", "y")')).toBe(`"'=HYPERLINK(""http://x"", ""y"")"`)
  })

  it('leave a quote or sign inside the text alone', () => {
    expect(csvCell('a=b')).toBe('a=b')
    expect(csvCell('x-forwarded')).toBe('x-forwarded')
  })
})

describe('CSV export', () => {
  it('starts with a header and ends every line with CRLF', () => {
    const csv = formatAuditRows([toAuditExportRow(entry)], 'csv', { withHeader: true })
    expect(csv.startsWith(csvHeaderLine())).toBe(true)
    expect(csvHeaderLine()).toBe(
      'createdAt,action,actorType,actorId,actorLabel,ip,userAgent,targetCollection,targetId,targetTitle,changedFields,note,id\r\n',
    )
    expect(csv.slice(csvHeaderLine().length)).toBe(
      '2026-11-24T22:44:18.123Z,update,user,u1,editor@cloudlex.test,203.0.113.7,Mozilla/5.0 (X11; Linux x86_64),terms,t1,Object Storage,definition; analogy,,e1\r\n',
    )
  })

  it('leaves the header out of later chunks', () => {
    const csv = formatAuditRows([toAuditExportRow(entry)], 'csv', { withHeader: false })
    expect(csv.startsWith('2026-11-24T22:44:18.123Z,')).toBe(true)
  })

  it('is just the header when there are no entries', () => {
    expect(formatAuditRows([], 'csv', { withHeader: true })).toBe(csvHeaderLine())
  })

  it('guards a hostile title', () => {
    const csv = formatAuditRows([toAuditExportRow({ ...entry, targetTitle: '=cmd|"/c calc"!A1' })], 'csv', {
      withHeader: false,
    })
    expect(csv).toContain(`,"'=cmd|""/c calc""!A1",`)
  })
})

describe('JSON Lines export', () => {
  it('writes one JSON object per line with the actor as an id', () => {
    const jsonl = formatAuditRows(
      [toAuditExportRow(entry), toAuditExportRow({ ...entry, id: 'e2', actor: null })],
      'jsonl',
      {
        withHeader: true,
      },
    )
    const lines = jsonl.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'e1', actorId: 'u1', changedFields: ['definition', 'analogy'] })
    expect(JSON.parse(lines[1]!)).toMatchObject({ id: 'e2', actorId: null })
  })

  it('keeps line breaks inside values escaped, one entry per line', () => {
    const jsonl = formatAuditRows([toAuditExportRow({ ...entry, note: 'two\nlines' })], 'jsonl', { withHeader: true })
    expect(jsonl.split('\n')).toHaveLength(2)
    expect(JSON.parse(jsonl).note).toBe('two\nlines')
  })
})

describe('export file name', () => {
  it('is sortable and has no characters a Content-Disposition header would trip on', () => {
    expect(auditExportFileName('csv', new Date('2026-11-24T22:44:18.123Z'))).toBe('audit-log-2026-11-24T22-44-18Z.csv')
    expect(auditExportFileName('jsonl', new Date('2026-11-24T22:44:18Z'))).toBe('audit-log-2026-11-24T22-44-18Z.jsonl')
  })
})
