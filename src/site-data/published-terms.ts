// The one way the site's lists read terms: as the anonymous public (access control on, so only published
// terms), at depth 0, one page at a time, with only the fields a list shows, in the order of the
// indexed sort key. Every list read in this folder goes through here.
import type { Payload, Where } from 'payload'

import { relationId } from '@/fields/relations'
import { termMetaDescription } from '@/site-data/term-summary'
import type { Term, TermsSelect } from '@/payload-types'
import type { CategoryRef } from '@/site-data/term-view'

/** Title order, with the unique slug breaking ties so a page boundary never moves between two reads. */
export const TITLE_ORDER = ['sortTitle', 'slug']

type PageQuery<S extends TermsSelect<true>> = {
  where: Where
  page: number
  perPage: number
  select: S
  sort?: string | string[]
}

export async function findPublishedTerms<S extends TermsSelect<true>>(payload: Payload, query: PageQuery<S>) {
  return payload.find({
    collection: 'terms',
    overrideAccess: false,
    draft: false,
    depth: 0,
    where: query.where,
    page: query.page,
    limit: query.perPage,
    select: query.select,
    sort: query.sort ?? TITLE_ORDER,
  })
}

/** Where a page of a list ended: the last item's sort key and its slug. */
export type ListPosition = { key: string; slug: string }

/** The orders a list can be read in by position (keyset): each is served by an index on its key. */
export const KEYSET_ORDERS = {
  title: { key: 'sortTitle', descending: false },
  '-title': { key: 'sortTitle', descending: true },
  updatedAt: { key: 'updatedAt', descending: false },
  '-updatedAt': { key: 'updatedAt', descending: true },
} as const satisfies Record<string, { key: 'sortTitle' | 'updatedAt'; descending: boolean }>

export type KeysetOrder = keyof typeof KEYSET_ORDERS

type KeysetQuery<S extends TermsSelect<true>> = {
  where: Where
  order: KeysetOrder
  after: ListPosition | null
  limit: number
  select: S
  /** The latest version of every term, drafts included: for API clients allowed to preview, never for the public. */
  drafts?: boolean
}

/**
 * The condition "after `position`" in the order: (key, slug) past the position's, written so an index on the
 * key bounds the scan.
 */
function afterPosition(order: KeysetOrder, position: ListPosition): Where {
  const { key, descending } = KEYSET_ORDERS[order]
  const past = descending ? 'less_than' : 'greater_than'
  return {
    and: [
      { [key]: { [`${past}_equal`]: position.key } },
      { or: [{ [key]: { [past]: position.key } }, { slug: { [past]: position.slug } }] },
    ],
  }
}

/**
 * Up to `limit` published terms (or, with `drafts`, the latest versions) after a position in an order, and
 * where the page ended (null when no term follows). One query: it reads one more term than the page holds to
 * tell whether another follows.
 */
export async function findPublishedTermsAfter<S extends TermsSelect<true>>(payload: Payload, query: KeysetQuery<S>) {
  const { key, descending } = KEYSET_ORDERS[query.order]
  const { docs } = await payload.find({
    collection: 'terms',
    overrideAccess: query.drafts === true,
    draft: query.drafts === true,
    depth: 0,
    where: query.after ? { and: [query.where, afterPosition(query.order, query.after)] } : query.where,
    limit: query.limit + 1,
    pagination: false,
    select: { ...query.select, slug: true, [key]: true },
    sort: descending ? [`-${key}`, '-slug'] : [key, 'slug'],
  })
  const page = docs.slice(0, query.limit)
  const last = page.at(-1) as Record<string, unknown> | undefined
  const end: ListPosition | null =
    docs.length > query.limit && last ? { key: String(last[key] ?? ''), slug: String(last.slug) } : null
  return { docs: page, end }
}

export async function countPublishedTerms(payload: Payload, where: Where = {}): Promise<number> {
  const { totalDocs } = await payload.count({ collection: 'terms', overrideAccess: false, where })
  return totalDocs
}

/** A term as a list shows it: its title, a short summary, its category and difficulty. */
export type TermListEntry = {
  title: string
  slug: string
  summary: string
  difficulty: string
  category: CategoryRef | null
}

export const TERM_LIST_SELECT = {
  title: true,
  slug: true,
  definition: true,
  difficulty: true,
  category: true,
} satisfies TermsSelect<true>

type ListedTerm = Pick<Term, 'title' | 'slug' | 'definition' | 'difficulty'> & { category?: Term['category'] | null }

export function toTermListEntry(term: ListedTerm, categories: ReadonlyMap<string, CategoryRef>): TermListEntry {
  const categoryId = relationId(term.category)
  return {
    title: term.title,
    slug: term.slug,
    summary: termMetaDescription({ definition: term.definition }),
    difficulty: term.difficulty,
    category: categoryId ? (categories.get(categoryId) ?? null) : null,
  }
}

/** A page of a list: its entries and the total the list holds, for the page links. */
export type ListPage<T> = { items: T[]; total: number; page: number; perPage: number }
