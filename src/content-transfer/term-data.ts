// The term's data from an entry, and whether a stored term already says the same: shared by the bulk
// create of new terms and the update of existing ones.
import type { TermDocument } from '@/content-format/types'
import { relationId } from '@/fields/relations'
import type { Term } from '@/payload-types'

import type { StoredTerm } from './existing-terms'
import { categoryIdFor, providerIdFor, type Lookups } from './import-lookups'
import type { ImportStatus } from './import-report'
import type { TermLinks } from './term-links'

type EquivalentRow = NonNullable<Term['providerEquivalents']>[number]

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

export function sameContent(stored: StoredTerm, data: TermData): boolean {
  return (
    stored.title === data.title &&
    stored.definition === data.definition &&
    (stored.analogy ?? null) === data.analogy &&
    relationId(stored.category) === data.category &&
    stored.difficulty === data.difficulty &&
    sameEquivalents(stored.providerEquivalents, data.providerEquivalents)
  )
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
