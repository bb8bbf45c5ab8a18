// Most related names of a large import name terms of a later batch. Terms the bulk path created with such
// names are remembered (their id and the names they wait for), and once every batch is stored their links
// are completed in place: the document and its one version get the links, as if the names had resolved
// when it was created, with an audit entry saying so and a change-log row. Only a term nobody changed
// since it was created is completed this way; any other keeps its waiting names for the final pass
// (./relink-waiting-terms.ts), which writes them as an edit. The links themselves are read back from the
// database for the terms whose names now resolve: kept in memory for the whole run, they cost about
// 400 bytes a term, 40 MB of a 100,000-term import's heap.
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { recordAuditEntry } from '@/audit/record-audit-entry'
import type { BulkInsert } from '@/db/bulk-insert'
import { collectLogRows } from '@/db/log-rows'
import { tagsForChange } from '@/site-cache/cache-tags'
import { recordChange } from '@/site-cache/record-content-change'
import { yieldToEventLoop } from '@/db/event-loop'

import type { ImportReportBuilder } from './import-report'
import { OwnedStrings } from './own-copy'
import {
  relinkStoredTerm,
  sameIds,
  sameLinks,
  sameSeeAlso,
  type StoredLinks,
  type TermLinks,
  type TermNames,
} from './term-links'

/** A term the import created, and the names in its file that matched no term at the time. */
type AwaitingTerm = { id: string; waitingNames: readonly string[] }

const CHUNK = 200
export const COMPLETED_LINKS_NOTE = 'Linked the related and see-also names that arrived later in the same import.'

/** New terms of this import written with names that matched no term yet. */
export class NewTermsAwaitingLinks {
  private readonly terms: AwaitingTerm[] = []

  constructor(private readonly strings = new OwnedStrings()) {}

  add({ id, waitingNames }: AwaitingTerm): void {
    if (waitingNames.length === 0) return
    this.terms.push({ id: this.strings.get(id), waitingNames: waitingNames.map((name) => this.strings.get(name)) })
  }

  get size(): number {
    return this.terms.length
  }

  *chunks(): Iterable<AwaitingTerm[]> {
    for (let start = 0; start < this.terms.length; start += CHUNK) yield this.terms.slice(start, start + CHUNK)
  }
}

function changedLinkFields(before: StoredLinks, after: TermLinks): string[] {
  const changed: string[] = []
  if (!sameIds(before.relatedTerms, after.relatedTerms)) changed.push('relatedTerms')
  if ((before.pendingRelatedTerms ?? []).join('\n') !== after.pendingRelatedTerms.join('\n'))
    changed.push('pendingRelatedTerms')
  if (!sameSeeAlso(before.seeAlso, after.seeAlso)) changed.push('seeAlso')
  return changed
}

type StoredTerm = StoredLinks & {
  id: string
  title: string
  _status?: 'draft' | 'published' | null
  createdAt: string
  updatedAt: string
}
type Completion = { stored: StoredTerm; links: TermLinks }

/** The terms of `chunk` whose links resolve further now and that are still as the import created them. */
async function completionsFor(payload: Payload, chunk: AwaitingTerm[], names: TermNames): Promise<Completion[]> {
  const resolving = chunk.filter((term) => term.waitingNames.some((name) => names.resolve(name) !== null))
  if (resolving.length === 0) return []
  // Straight from the adapter: the import reads as trusted code, for which Payload's read hooks change nothing.
  const { docs } = await payload.db.find({
    collection: 'terms',
    where: { id: { in: resolving.map((term) => term.id) } },
    pagination: false,
    limit: resolving.length,
    select: {
      createdAt: true,
      updatedAt: true,
      slug: true,
      title: true,
      _status: true,
      category: true,
      providerEquivalents: { provider: true },
      relatedTerms: true,
      pendingRelatedTerms: true,
      seeAlso: true,
    },
  })
  return (docs as unknown as StoredTerm[]).flatMap((stored) => {
    if (stored.createdAt !== stored.updatedAt) return []
    const links = relinkStoredTerm(stored, names)
    return sameLinks(stored, links) ? [] : [{ stored, links }]
  })
}

export async function completeNewTermLinks(
  payload: Payload,
  bulk: BulkInsert,
  awaiting: NewTermsAwaitingLinks,
  names: TermNames,
  report: ImportReportBuilder,
  signal?: AbortSignal,
): Promise<void> {
  for (const chunk of awaiting.chunks()) {
    if (signal?.aborted) return
    const completions = await completionsFor(payload, chunk, names)
    if (completions.length === 0) continue
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      const at = new Date().toISOString()
      await bulk.amendDocuments(
        req,
        'terms',
        completions.map(({ stored, links }) => ({ id: stored.id, data: { ...links } })),
        at,
      )
      const logRows = await collectLogRows(req, async () => {
        for (const { stored, links } of completions) {
          await recordAuditEntry(req, {
            action: 'update',
            targetCollection: 'terms',
            targetId: stored.id,
            targetTitle: stored.title,
            changedFields: changedLinkFields(stored, links),
            note: COMPLETED_LINKS_NOTE,
          })
          if (stored._status === 'published') {
            await recordChange(req, 'terms', stored.id, tagsForChange('terms', stored, stored), {
              event: 'updated',
              slug: stored.slug,
            })
          }
        }
      })
      for (const [collection, rows] of logRows) await bulk.insertRows(req, collection, rows)
      await commitTransaction(req)
      for (const { stored } of completions) report.relinked(stored.slug)
    } catch {
      // Left waiting: the final pass writes these links one by one, and names what fails.
      await killTransaction(req)
    }
    await yieldToEventLoop()
  }
}
