// Fields the server derives from a term on every write, so the public lists can ask the database for
// exactly one page of what they show: the A–Z letter and sort key (the index by letter, the lists sorted
// by title) and the providers with a real service (the provider filter and the provider pages). Clients
// cannot set them: the hooks recompute them from the title and the provider equivalents on each save.
// They are left out of the admin (a copy of what it already shows) but stay queryable by the public reads
// (Payload refuses queries on fields hidden from the API); the provider list is never populated.
import type { Field, FieldHook } from 'payload'

import { relationId } from '@/fields/relations'
import { indexLetter } from '@/site-cache/cache-tags'

type Related = string | number | { id: string | number } | null | undefined
type EquivalentRow = { provider?: Related; service?: string | null }

/** The key lists sort titles by: case and accents ignored, spaces collapsed ("Édge  Zone" → "edge zone"). */
export function titleSortKey(title: string): string {
  return title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The providers a term names a real service for (a row with no service says "no equivalent"). */
export function providersWithService(rows: readonly EquivalentRow[] | null | undefined): (string | number)[] {
  const ids = new Map<string, string | number>()
  for (const row of rows ?? []) {
    const id = relationId(row.provider)
    if (id !== null && typeof row.service === 'string' && row.service.trim() !== '') ids.set(String(id), id)
  }
  return [...ids.values()]
}

/** Everything derived, for writers that bypass the hooks (the bulk insert of a test or a migration). */
export function derivedListFields(term: { title: string; providerEquivalents?: readonly EquivalentRow[] | null }) {
  return {
    indexLetter: indexLetter(term.title),
    sortTitle: titleSortKey(term.title),
    providersWithService: providersWithService(term.providerEquivalents),
  }
}

type TermData = { title?: unknown; providerEquivalents?: unknown }

/** A partial update (PATCH of the definition alone) leaves the title and rows as they were. */
function current<K extends keyof TermData>(
  key: K,
  data: TermData | undefined,
  originalDoc: TermData | undefined,
): TermData[K] {
  return data?.[key] !== undefined ? data[key] : originalDoc?.[key]
}

function fromTitle(derive: (title: string) => string): FieldHook {
  return ({ data, originalDoc }) => {
    const title = current('title', data, originalDoc)
    return typeof title === 'string' ? derive(title) : undefined
  }
}

const deriveProviders: FieldHook = ({ data, originalDoc }) => {
  const rows = current('providerEquivalents', data, originalDoc)
  return providersWithService(Array.isArray(rows) ? (rows as EquivalentRow[]) : [])
}

export const listFields: Field[] = [
  {
    name: 'indexLetter',
    type: 'text',
    index: true,
    admin: { hidden: true },
    hooks: { beforeChange: [fromTitle(indexLetter)] },
  },
  {
    name: 'sortTitle',
    type: 'text',
    index: true,
    admin: { hidden: true },
    hooks: { beforeChange: [fromTitle(titleSortKey)] },
  },
  {
    name: 'providersWithService',
    type: 'relationship',
    relationTo: 'providers',
    hasMany: true,
    index: true,
    maxDepth: 0,
    admin: { hidden: true },
    hooks: { beforeChange: [deriveProviders] },
  },
]

/** The orders the public lists read in: a letter of the A–Z index, and a category (its page, compare). */
export const listIndexes = [{ fields: ['indexLetter', 'sortTitle'] }, { fields: ['category', 'sortTitle'] }]
