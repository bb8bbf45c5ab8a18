// Writes one entry as a term, inside the transaction of `req`: its use cases and FAQs first, then the term;
// nothing is written when the stored term already says the same thing with the status asked for.
import type { Payload, PayloadRequest } from 'payload'

import type { TermDocument } from '@/content-format/types'

import type { ExistingTerm } from './existing-terms'
import type { Lookups } from './import-lookups'
import type { ImportStatus, TermOutcome } from './import-report'
import { syncFaqs, syncUseCases } from './sync-children'
import { sameContent, termDataFor } from './term-data'
import { linksFromEntry, sameLinks, waitingNames, type TermNames } from './term-links'

export type UpsertedTerm = {
  outcome: TermOutcome
  /** The term as the name index should know it once the transaction commits. */
  names: { id: string; slug: string; title: string }
  waitingNames: string[]
}

export type UpsertContext = {
  payload: Payload
  req: PayloadRequest
  status: ImportStatus
  lookups: Lookups
  /** Where related and see-also names are looked up. */
  names: TermNames
}

export async function upsertTerm(
  { payload, req, status, lookups, names: termNames }: UpsertContext,
  document: TermDocument,
  existing: ExistingTerm | null,
): Promise<UpsertedTerm> {
  const stored = existing?.term ?? null
  const draft = status === 'draft'
  const children = { payload, req, status }
  const useCases = await syncUseCases(children, existing?.useCases ?? [], document.useCases)
  const faqs = await syncFaqs(children, existing?.faqs ?? [], document.faqs)
  const links = linksFromEntry(document, stored, termNames)
  const data = termDataFor({ document, stored, lookups, links, useCaseIds: useCases.ids, faqIds: faqs.ids, status })
  const waiting = waitingNames(links, termNames)
  const names = { slug: document.slug, title: document.title }

  if (!stored) {
    const created = await payload.create({ collection: 'terms', data, draft, req, depth: 0 })
    return { outcome: 'created', names: { ...names, id: created.id }, waitingNames: waiting }
  }
  const unchanged =
    !useCases.changed &&
    !faqs.changed &&
    sameContent(stored, data) &&
    sameLinks(stored, links) &&
    (draft || stored._status === 'published')
  if (!unchanged) await payload.update({ collection: 'terms', id: stored.id, data, draft, req, depth: 0 })
  return { outcome: unchanged ? 'unchanged' : 'updated', names: { ...names, id: stored.id }, waitingNames: waiting }
}
