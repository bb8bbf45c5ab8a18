// Writes one entry as a term, inside the transaction of `req`: its use cases and FAQs first, then the term;
// nothing is written when the stored term already says the same thing with the status asked for.
import type { Payload, PayloadRequest } from 'payload'

import type { TermDocument } from '@/content-format/types'
import { relationId } from '@/lib/relations'
import type { Term } from '@/payload-types'

import type { ExistingTerm, StoredTerm } from './existing-terms'
import { categoryIdFor, providerIdFor, type Lookups } from './import-lookups'
import type { ImportStatus, TermOutcome } from './import-report'
import { syncFaqs, syncUseCases } from './sync-children'
import { linksFromEntry, sameLinks, waitingNames, type TermLinks, type TermNames } from './term-links'

type EquivalentRow = NonNullable<Term['providerEquivalents']>[number]

export type UpsertedTerm = {
  outcome: TermOutcome
  /** The term as the name index should know it once the transaction commits. */
  names: { id: string; slug: string; title: string }
  waitingNames: string[]
}

function providerRowsFor(document: TermDocument, existing: StoredTerm | null, lookups: Lookups): EquivalentRow[] {
  return document.providerEquivalents.map(({ provider, service }) => {
    const providerId = providerIdFor(provider, lookups)
    // Match level, documentation link and note are edited in the admin only: an import keeps them.
    const previous = existing?.providerEquivalents?.find((row) => relationId(row.provider) === providerId)
    const keptLevel = previous?.matchLevel && previous.matchLevel !== 'none' ? previous.matchLevel : null
    return {
      provider: providerId,
      service,
      matchLevel: service === null ? 'none' : keptLevel,
      docUrl: previous?.docUrl ?? null,
      note: previous?.note ?? null,
    }
  })
}

function sameEquivalents(stored: EquivalentRow[] | null | undefined, rows: EquivalentRow[]): boolean {
  const left = stored ?? []
  return (
    left.length === rows.length &&
    left.every((row, index) => {
      const other = rows[index]!
      return (
        relationId(row.provider) === other.provider &&
        (row.service?.trim() || null) === other.service &&
        (row.matchLevel ?? null) === (other.matchLevel ?? null)
      )
    })
  )
}

type TermData = Omit<Term, 'id' | 'createdAt' | 'updatedAt'> & {
  category: string
  providerEquivalents: EquivalentRow[]
}

function sameContent(stored: StoredTerm, data: TermData): boolean {
  return (
    stored.title === data.title &&
    stored.definition === data.definition &&
    (stored.analogy ?? null) === data.analogy &&
    relationId(stored.category) === data.category &&
    stored.difficulty === data.difficulty &&
    sameEquivalents(stored.providerEquivalents, data.providerEquivalents)
  )
}

export type UpsertContext = {
  payload: Payload
  req: PayloadRequest
  status: ImportStatus
  lookups: Lookups
  /** Where related and see-also names are looked up. */
  names: TermNames
}

/** The term's data from an entry: `stored` (or null for a new term) keeps what only editors set. */
export function termDataFor(args: {
  document: TermDocument
  stored: StoredTerm | null
  lookups: Lookups
  links: TermLinks
  useCaseIds: string[]
  faqIds: string[]
  status: ImportStatus
}): TermData {
  const { document, stored, lookups, links, status } = args
  return {
    title: document.title,
    slug: document.slug,
    definition: document.definition,
    analogy: document.analogy,
    category: categoryIdFor(document, lookups),
    difficulty: document.difficulty,
    providerEquivalents: providerRowsFor(document, stored, lookups),
    useCases: args.useCaseIds,
    faqs: args.faqIds,
    ...links,
    _status: status,
  }
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
