// GET /api/audit-log/export?format=jsonl|csv: the entries an admin asks for, oldest first, streamed a
// page at a time so a long log never sits in memory whole.
import { APIError, Forbidden, type PaginatedDocs, type PayloadHandler, UnauthorizedError } from 'payload'

import { isStaffAccount } from '@/access/roles'
import { isAdmin } from '@/access/is-admin'
import { auditExportQuery } from '@/audit/audit-export-query'
import {
  AUDIT_EXPORT_FORMATS,
  auditExportFileName,
  formatAuditRows,
  isAuditExportFormat,
  toAuditExportRow,
} from '@/audit/format-audit-export'
import type { AuditLog } from '@/payload-types'

const PAGE_SIZE = 500

export const exportAuditLog: PayloadHandler = async (req) => {
  if (!isStaffAccount(req.user)) throw new UnauthorizedError(req.t)
  if (!(await isAdmin({ req }))) throw new Forbidden(req.t)

  const query = (req.query ?? {}) as Record<string, unknown>
  const format = query.format ?? 'jsonl'
  if (!isAuditExportFormat(format)) throw new APIError('"format" must be jsonl or csv.', 400)
  const selection = auditExportQuery(query)
  if (!selection.ok) throw new APIError(selection.message, 400)

  const readPage = (page: number): Promise<PaginatedDocs<AuditLog>> =>
    req.payload.find({
      collection: 'audit-log',
      where: selection.where,
      sort: ['createdAt', 'id'],
      limit: PAGE_SIZE,
      page,
      depth: 0,
      overrideAccess: false,
      req,
    })

  // The first page is read before answering, so a bad query is a 400 rather than a cut-off download.
  let nextPage: Promise<PaginatedDocs<AuditLog>> | null = Promise.resolve(await readPage(1))
  let withHeader = true
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!nextPage) return controller.close()
      const current = await nextPage
      const chunk = formatAuditRows(current.docs.map(toAuditExportRow), format, { withHeader })
      withHeader = false
      nextPage = current.hasNextPage && current.nextPage ? readPage(current.nextPage) : null
      if (chunk) controller.enqueue(encoder.encode(chunk))
      if (!nextPage) controller.close()
    },
  })

  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': AUDIT_EXPORT_FORMATS[format].contentType,
      'Content-Disposition': `attachment; filename="${auditExportFileName(format, new Date())}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
