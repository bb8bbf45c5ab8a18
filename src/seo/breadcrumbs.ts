// The trail from the home page to each kind of page, shared by the visible breadcrumbs and the
// BreadcrumbList structured data so the two never disagree.
import {
  categoryPath,
  FIRST_INDEX_LETTER,
  letterPath,
  providerPath,
  termPath,
  type IndexLetter,
} from '../routes/site-routes'
import type { CategoryRef, ProviderRef, TermRef } from '../site-data/term-view'

export type Crumb = { name: string; path: string }

const HOME: Crumb = { name: 'Home', path: '/' }
const TERM_INDEX: Crumb = { name: 'A–Z', path: '/terms' }
const CATEGORY_INDEX: Crumb = { name: 'Categories', path: '/categories' }
const PROVIDER_INDEX: Crumb = { name: 'Providers', path: '/providers' }

export function termIndexBreadcrumbs(): Crumb[] {
  return [HOME, TERM_INDEX]
}

/** A letter's pages sit under the index; /terms itself is the index. */
export function letterBreadcrumbs(letter: IndexLetter, page: number): Crumb[] {
  if (letter === FIRST_INDEX_LETTER && page === 1) return termIndexBreadcrumbs()
  return [HOME, TERM_INDEX, { name: letter, path: letterPath(letter) }]
}

export function termBreadcrumbs(term: TermRef): Crumb[] {
  return [HOME, TERM_INDEX, { name: term.title, path: termPath(term.slug) }]
}

export function categoryIndexBreadcrumbs(): Crumb[] {
  return [HOME, CATEGORY_INDEX]
}

export function categoryBreadcrumbs(category: CategoryRef): Crumb[] {
  return [HOME, CATEGORY_INDEX, { name: category.name, path: categoryPath(category.slug) }]
}

export function providerIndexBreadcrumbs(): Crumb[] {
  return [HOME, PROVIDER_INDEX]
}

export function providerBreadcrumbs(provider: Pick<ProviderRef, 'name' | 'slug'>): Crumb[] {
  return [HOME, PROVIDER_INDEX, { name: provider.name, path: providerPath(provider.slug) }]
}

export function compareBreadcrumbs(): Crumb[] {
  return [HOME, { name: 'Compare', path: '/compare' }]
}
