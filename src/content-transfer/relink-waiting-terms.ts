// The last step of an import: terms still waiting for related or see-also names (from this import or an
// earlier one) are looked up again, and those whose names now match a term get their links rewritten, in
// the order their file gave. A term whose latest version is a draft gets the links in that draft:
// publishing stays an editor's call.
import type { Payload, PayloadRequest } from 'payload'

import type { ImportReportBuilder } from './import-report'
import {
  hasWaitingNames,
  relinkStoredTerm,
  sameLinks,
  type StoredLinks,
  type TermLinks,
  type TermNames,
} from './term-links'
import { writeEachAtomically, type AtomicWriteOptions } from './write-atomically'

const PAGE_SIZE = 500

type WaitingTerm = StoredLinks & { id: string; _status?: 'draft' | 'published' | null }

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
    select: { slug: true, relatedTerms: true, pendingRelatedTerms: true, seeAlso: true, _status: true },
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

export async function relinkWaitingTerms(
  payload: Payload,
  names: TermNames,
  report: ImportReportBuilder,
  options: AtomicWriteOptions,
): Promise<void> {
  const ids = await idsOfTermsWithNames(payload)
  for (let start = 0; start < ids.length && !options.signal?.aborted; start += PAGE_SIZE) {
    const terms = await loadLinks(payload, ids.slice(start, start + PAGE_SIZE))
    const changes = terms.filter(hasWaitingNames).flatMap((term) => {
      const links = relinkStoredTerm(term, names)
      return sameLinks(term, links) ? [] : [{ term, links }]
    })
    await writeEachAtomically(
      payload,
      changes,
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
