// Most related names of a large import name terms of a later batch. Terms the bulk path created with such
// names are remembered (their id and the links they were written with), and once every batch is stored
// their links are completed in place: the document and its one version get the links, as if the names had
// resolved when it was created, with an audit entry saying so and a change-log row. Only a term nobody
// changed since it was created is completed this way; any other keeps its waiting names for the final
// pass (./relink-waiting-terms.ts), which writes them as an edit.
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { recordAuditEntry } from '@/audit/record-audit-entry'
import type { BulkInsert } from '@/db/bulk-insert'
import { collectLogRows } from '@/db/log-rows'
import { tagsForChange } from '@/site-cache/cache-tags'
import { recordChange } from '@/site-cache/record-content-change'
import { yieldToEventLoop } from '@/lib/event-loop'

import type { ImportReportBuilder } from './import-report'
import { OwnedStrings } from './own-copy'
import { relinkStoredTerm, sameIds, sameLinks, sameSeeAlso, type TermLinks, type TermNames } from './term-links'

type AwaitingTerm = { id: string; slug: string; title: string; published: boolean; links: TermLinks }

const CHUNK = 200
const NOTE = 'Linked the related and see-also names that arrived later in the same import.'

/** New terms of this import written with names that matched no term yet. */
export class NewTermsAwaitingLinks {
  private readonly terms: AwaitingTerm[] = []

  constructor(private readonly strings = new OwnedStrings()) {}

  add({ id, slug, title, published, links }: AwaitingTerm): void {
    const own = (text: string) => this.strings.get(text)
    this.terms.push({
      id: own(id),
      slug: own(slug),
      title: own(title),
      published,
      links: {
        relatedTerms: links.relatedTerms.map(own),
        pendingRelatedTerms: links.pendingRelatedTerms.map(own),
        seeAlso: links.seeAlso.map((row) => ({
          term: row.term === null ? null : own(row.term),
          label: row.label === null ? null : own(row.label),
          url: row.url === null ? null : own(row.url),
        })),
      },
    })
  }

  get size(): number {
    return this.terms.length
  }

  *chunks(): Iterable<AwaitingTerm[]> {
    for (let start = 0; start < this.terms.length; start += CHUNK) yield this.terms.slice(start, start + CHUNK)
  }
}

function changedLinkFields(before: TermLinks, after: TermLinks): string[] {
  const changed: string[] = []
  if (!sameIds(before.relatedTerms, after.relatedTerms)) changed.push('relatedTerms')
  if (before.pendingRelatedTerms.join('\n') !== after.pendingRelatedTerms.join('\n')) changed.push('pendingRelatedTerms')
  if (!sameSeeAlso(before.seeAlso, after.seeAlso)) changed.push('seeAlso')
  return changed
}

type Completion = { term: AwaitingTerm; links: TermLinks; stored: Record<string, unknown> }

/** The terms of `chunk` whose links resolve further now and that are still as the import created them. */
async function completionsFor(payload: Payload, chunk: AwaitingTerm[], names: TermNames): Promise<Completion[]> {
  const relinked = chunk.flatMap((term) => {
    const links = relinkStoredTerm({ slug: term.slug, ...term.links }, names)
    return sameLinks({ slug: term.slug, ...term.links }, links) ? [] : [{ term, links }]
  })
  if (relinked.length === 0) return []
  const { docs } = await payload.find({
    collection: 'terms',
    where: { id: { in: relinked.map(({ term }) => term.id) } },
    depth: 0,
    pagination: false,
    limit: relinked.length,
    select: { createdAt: true, updatedAt: true, slug: true, title: true, category: true, providerEquivalents: { provider: true } },
  })
  const untouched = new Map(docs.filter((doc) => doc.createdAt === doc.updatedAt).map((doc) => [doc.id, doc]))
  return relinked.flatMap(({ term, links }) => {
    const stored = untouched.get(term.id)
    return stored ? [{ term, links, stored: stored as Record<string, unknown> }] : []
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
      await bulk.amendDocuments(req, 'terms', completions.map(({ term, links }) => ({ id: term.id, data: { ...links } })), at)
      const logRows = await collectLogRows(req, async () => {
        for (const { term, links, stored } of completions) {
          await recordAuditEntry(req, {
            action: 'update',
            targetCollection: 'terms',
            targetId: term.id,
            targetTitle: term.title,
            changedFields: changedLinkFields(term.links, links),
            note: NOTE,
          })
          if (term.published) await recordChange(req, 'terms', term.id, tagsForChange('terms', stored, stored))
        }
      })
      for (const [collection, rows] of logRows) await bulk.insertRows(req, collection, rows)
      await commitTransaction(req)
      for (const { term } of completions) report.relinked(term.slug)
    } catch {
      // Left waiting: the final pass writes these links one by one, and names what fails.
      await killTransaction(req)
    }
    await yieldToEventLoop()
  }
}
