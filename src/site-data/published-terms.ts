// The one way the site's lists read terms: as the anonymous public (access control on, so only published
// terms), at depth 0, one page at a time, with only the fields a list shows, in the order of the
// indexed sort key. Every list read in this folder goes through here.
import type { Payload, Where } from 'payload'

import type { Term, TermsSelect } from '@/payload-types'
import { termMetaDescription } from '@/lib/term-summary'
import type { CategoryRef } from '@/lib/term-view'

/** Title order, with the unique slug breaking ties so a page boundary never moves between two reads. */
export const TITLE_ORDER = ['sortTitle', 'slug']

type PageQuery<S extends TermsSelect<true>> = { where: Where; page: number; perPage: number; select: S; sort?: string | string[] }

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

export const TERM_LIST_SELECT = { title: true, slug: true, definition: true, difficulty: true, category: true } satisfies TermsSelect<true>

type ListedTerm = Pick<Term, 'title' | 'slug' | 'definition' | 'difficulty'> & { category?: Term['category'] | null }

/** The id of a relationship value read at depth 0 (or a populated document's id). */
export const relationId = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? String((value as { id: unknown }).id) : String(value)

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
