// The last step of an import: terms still waiting for related or see-also names (from this import or an
// earlier one) are looked up again, and those whose names now match a term get their links rewritten, in
// the order their file gave. A term whose latest version is a draft gets the links in that draft:
// publishing stays an editor's call.
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { recordAuditEntry } from '@/audit/record-audit-entry'
import type { BulkInsert } from '@/db/bulk-insert'
import { collectLogRows } from '@/db/log-rows'
import { tagsForChange } from '@/site-cache/cache-tags'
import { recordChange } from '@/site-cache/record-content-change'

import type { ImportReportBuilder } from './import-report'
import {
  hasWaitingNames,
  relinkStoredTerm,
  sameIds,
  sameLinks,
  sameSeeAlso,
  type StoredLinks,
  type TermLinks,
  type TermNames,
} from './term-links'
import { writeEachAtomically, yieldToEventLoop, type AtomicWriteOptions } from './write-atomically'

const PAGE_SIZE = 500

type WaitingTerm = StoredLinks & {
  id: string
  title: string
  category?: unknown
  providerEquivalents?: { provider?: unknown }[] | null
  createdAt: string
  updatedAt: string
  _status?: 'draft' | 'published' | null
}

type Relink = { term: WaitingTerm; links: TermLinks }

export type RelinkOptions = AtomicWriteOptions & {
  /** The bulk write path, and the terms it created in this import: those, unchanged since, get their links in place. */
  bulk?: { insert: BulkInsert; createdIds: ReadonlySet<string> } | null
}

const AMEND_CHUNK = 200
const AMEND_NOTE = 'Linked the related and see-also names that arrived later in the same import.'

/** Ids of the terms that may wait for a name (the query cannot tell a waiting see-also row from a labelled link). */
async function idsOfTermsWithNames(payload: Payload): Promise<string[]> {
  const ids: string[] = []
  for (let page = 1; ; page += 1) {
    const { docs } = await payload.find({
      collection: 'terms',
      where: { or: [{ pendingRelatedTerms: { exists: true } }, { 'seeAlso.label': { exists: true } }] },
      draft: true,
      depth: 0,
      pagination: false,
      limit: PAGE_SIZE,
      page,
      sort: 'createdAt',
      select: {},
    })
    ids.push(...docs.map((doc) => doc.id))
    if (docs.length < PAGE_SIZE) return ids
  }
}

async function loadLinks(payload: Payload, ids: string[]): Promise<WaitingTerm[]> {
  const { docs } = await payload.find({
    collection: 'terms',
    where: { id: { in: ids } },
    draft: true,
    depth: 0,
    pagination: false,
    limit: ids.length,
    select: {
      slug: true,
      title: true,
      category: true,
      providerEquivalents: { provider: true },
      relatedTerms: true,
      pendingRelatedTerms: true,
      seeAlso: true,
      createdAt: true,
      updatedAt: true,
      _status: true,
    },
  })
  return docs as WaitingTerm[]
}

function writeLinks(payload: Payload, req: PayloadRequest, term: WaitingTerm, links: TermLinks) {
  const draft = term._status !== 'published'
  return payload.update({
    collection: 'terms',
    id: term.id,
    data: { ...links, _status: draft ? 'draft' : 'published' },
    draft,
    req,
    depth: 0,
  })
}

function changedLinkFields(term: WaitingTerm, links: TermLinks): string[] {
  const changed: string[] = []
  if (!sameIds(term.relatedTerms, links.relatedTerms)) changed.push('relatedTerms')
  if ((term.pendingRelatedTerms ?? []).join('\n') !== links.pendingRelatedTerms.join('\n')) changed.push('pendingRelatedTerms')
  if (!sameSeeAlso(term.seeAlso, links.seeAlso)) changed.push('seeAlso')
  return changed
}

/**
 * Terms this import created a moment ago, which nobody has changed since, get their links in place: the
 * document and its one version are completed, as if the names had resolved when it was created, with an
 * audit entry saying so and a change-log row. One transaction per chunk; a chunk that fails is left to
 * the one-by-one path. Returns the changes still to write.
 */
async function amendNewTerms(payload: Payload, changes: Relink[], report: ImportReportBuilder, options: RelinkOptions) {
  const bulk = options.bulk
  if (!bulk) return changes
  const amendable = changes.filter(({ term }) => bulk.createdIds.has(term.id) && term.createdAt === term.updatedAt)
  if (amendable.length === 0) return changes
  const left = new Set(amendable)
  for (let start = 0; start < amendable.length && !options.signal?.aborted; start += AMEND_CHUNK) {
    const chunk = amendable.slice(start, start + AMEND_CHUNK)
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      const at = new Date().toISOString()
      await bulk.insert.amendDocuments(req, 'terms', chunk.map(({ term, links }) => ({ id: term.id, data: { ...links } })), at)
      const logRows = await collectLogRows(req, async () => {
        for (const { term, links } of chunk) {
          await recordAuditEntry(req, {
            action: 'update',
            targetCollection: 'terms',
            targetId: term.id,
            targetTitle: term.title,
            changedFields: changedLinkFields(term, links),
            note: AMEND_NOTE,
          })
          if (term._status === 'published') await recordChange(req, 'terms', term.id, tagsForChange('terms', term, term))
        }
      })
      for (const [collection, rows] of logRows) await bulk.insert.insertRows(req, collection, rows)
      await commitTransaction(req)
      for (const change of chunk) {
        left.delete(change)
        report.relinked(change.term.slug)
      }
    } catch {
      await killTransaction(req)
    }
    await yieldToEventLoop()
  }
  return changes.filter((change) => !bulk.createdIds.has(change.term.id) || left.has(change))
}

export async function relinkWaitingTerms(
  payload: Payload,
  names: TermNames,
  report: ImportReportBuilder,
  options: RelinkOptions,
): Promise<void> {
  const ids = await idsOfTermsWithNames(payload)
  for (let start = 0; start < ids.length && !options.signal?.aborted; start += PAGE_SIZE) {
    const terms = await loadLinks(payload, ids.slice(start, start + PAGE_SIZE))
    const changes = terms.filter(hasWaitingNames).flatMap((term): Relink[] => {
      const links = relinkStoredTerm(term, names)
      return sameLinks(term, links) ? [] : [{ term, links }]
    })
    const oneByOne = await amendNewTerms(payload, changes, report, options)
    await writeEachAtomically(
      payload,
      oneByOne,
      {
        write: ({ term, links }, req) => writeLinks(payload, req, term, links),
        committed: (written) => written.forEach(({ item }) => report.relinked(item.term.slug)),
        rolledBack: () => undefined,
        failed: ({ term }, error) => report.failedToWrite(term.slug, error),
      },
      options,
    )
  }
}
