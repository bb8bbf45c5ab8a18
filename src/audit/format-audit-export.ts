// Audit-log entries as JSON Lines or CSV (RFC 4180), one entry per line. Pure: no Payload, no I/O.
import { csvCell } from '@/downloads/csv'

export type AuditExportFormat = 'jsonl' | 'csv'

export const AUDIT_EXPORT_FORMATS: Record<AuditExportFormat, { contentType: string; extension: string }> = {
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
}

export function isAuditExportFormat(value: unknown): value is AuditExportFormat {
  return value === 'jsonl' || value === 'csv'
}

/** The stored entry as Payload returns it; `actor` may be populated. */
export type StoredAuditEntry = {
  id: string | number
  createdAt: string
  action: string
  actorType: string
  actor?: string | number | { id: string | number } | null
  actorLabel?: string | null
  ip?: string | null
  userAgent?: string | null
  targetCollection?: string | null
  targetId?: string | null
  targetTitle?: string | null
  changedFields?: string[] | null
  note?: string | null
}

export type AuditExportRow = {
  id: string
  createdAt: string
  action: string
  actorType: string
  actorId: string | null
  actorLabel: string | null
  ip: string | null
  userAgent: string | null
  targetCollection: string | null
  targetId: string | null
  targetTitle: string | null
  changedFields: string[]
  note: string | null
}

export const AUDIT_EXPORT_COLUMNS: readonly (keyof AuditExportRow)[] = [
  'createdAt',
  'action',
  'actorType',
  'actorId',
  'actorLabel',
  'ip',
  'userAgent',
  'targetCollection',
  'targetId',
  'targetTitle',
  'changedFields',
  'note',
  'id',
]

export function toAuditExportRow(entry: StoredAuditEntry): AuditExportRow {
  const actor = entry.actor
  return {
    id: String(entry.id),
    createdAt: entry.createdAt,
    action: entry.action,
    actorType: entry.actorType,
    actorId: actor === null || actor === undefined ? null : String(typeof actor === 'object' ? actor.id : actor),
    actorLabel: entry.actorLabel ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
    targetCollection: entry.targetCollection ?? null,
    targetId: entry.targetId ?? null,
    targetTitle: entry.targetTitle ?? null,
    changedFields: entry.changedFields ?? [],
    note: entry.note ?? null,
  }
}

export function csvHeaderLine(): string {
  return `${AUDIT_EXPORT_COLUMNS.join(',')}\r\n`
}

export function csvLine(row: AuditExportRow): string {
  const cells = AUDIT_EXPORT_COLUMNS.map((column) => {
    const value = row[column]
    return csvCell(Array.isArray(value) ? value.join('; ') : value)
  })
  return `${cells.join(',')}\r\n`
}

export function jsonLine(row: AuditExportRow): string {
  return `${JSON.stringify(row)}\n`
}

/** `rows` in `format`; CSV starts with its header line only when `withHeader` (the first chunk of a file). */
export function formatAuditRows(
  rows: readonly AuditExportRow[],
  format: AuditExportFormat,
  { withHeader }: { withHeader: boolean },
): string {
  if (format === 'jsonl') return rows.map(jsonLine).join('')
  return (withHeader ? csvHeaderLine() : '') + rows.map(csvLine).join('')
}

/** `audit-log-2026-11-24T22-44-18Z.csv`: sortable and safe in a Content-Disposition header. */
export function auditExportFileName(format: AuditExportFormat, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')
  return `audit-log-${stamp}.${AUDIT_EXPORT_FORMATS[format].extension}`
}
