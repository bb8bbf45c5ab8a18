// Filters of the A–Z index and the compare matrix, read from and written to the URL so a filtered view
// can be shared. Unknown values are dropped rather than matching nothing.
import { DIFFICULTIES } from '@/content-format/types'

import type { SiteContent } from './site-content'
import type { TermView } from './term-view'

export type TermFilters = {
  categories: string[]
  difficulties: string[]
  providers: string[]
}

type SearchParams = Record<string, string | string[] | undefined>

function listParam(params: SearchParams, name: string): string[] {
  const raw = params[name]
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return [...new Set(values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean))]
}

export function readTermFilters(params: SearchParams, content: Pick<SiteContent, 'categories' | 'providers'>): TermFilters {
  const categorySlugs = new Set(content.categories.map((category) => category.slug))
  const providerSlugs = new Set(content.providers.map((provider) => provider.slug))
  const difficulties = new Set<string>(DIFFICULTIES)
  return {
    categories: listParam(params, 'category').filter((slug) => categorySlugs.has(slug)),
    difficulties: listParam(params, 'difficulty').filter((level) => difficulties.has(level)),
    providers: listParam(params, 'provider').filter((slug) => providerSlugs.has(slug)),
  }
}

export function hasTermFilters(filters: TermFilters): boolean {
  return filters.categories.length + filters.difficulties.length + filters.providers.length > 0
}

/**
 * Terms matching every filter given: a category listed, a difficulty listed, and (for providers) a real
 * equivalent service on at least one provider listed.
 */
export function filterTerms(terms: readonly TermView[], filters: TermFilters): TermView[] {
  return terms.filter((term) => {
    if (filters.categories.length > 0 && !(term.category && filters.categories.includes(term.category.slug))) return false
    if (filters.difficulties.length > 0 && !filters.difficulties.includes(term.difficulty)) return false
    if (
      filters.providers.length > 0 &&
      !term.providerEquivalents.some((row) => row.service && filters.providers.includes(row.provider.slug))
    ) {
      return false
    }
    return true
  })
}

/** The query string for filters (without "?"), in a stable order so equal filters share one URL. */
export function termFiltersQuery(filters: TermFilters): string {
  const params = new URLSearchParams()
  for (const slug of [...filters.categories].sort()) params.append('category', slug)
  for (const level of [...filters.difficulties].sort()) params.append('difficulty', level)
  for (const slug of [...filters.providers].sort()) params.append('provider', slug)
  return params.toString()
}
