// Filters of the A–Z index and the compare matrix, read from and written to the URL so a filtered view
// can be shared, and turned into the database query that reads one page of the terms they match.
// Unknown values are dropped rather than matching nothing.
import type { Where } from 'payload'

import { DIFFICULTIES } from '@/content-format/types'

export type TermFilters = {
  categories: string[]
  difficulties: string[]
  providers: string[]
}

export type FilterField = 'category' | 'difficulty' | 'provider'
/** One choice of a filter form; `count` is how many terms that value alone would show, when the form says. */
export type FilterOption = { value: string; label: string; count?: number }

const DIFFICULTY_LABELS: Record<string, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
}

export function difficultyLabel(level: string): string {
  return DIFFICULTY_LABELS[level] ?? level
}

export const NO_TERM_FILTERS: TermFilters = { categories: [], difficulties: [], providers: [] }

type SearchParams = Record<string, string | string[] | undefined>

/** The slugs a filter may name, each with the id the database knows it by. */
export type FilterVocabulary = {
  categories: ReadonlyMap<string, string | number>
  providers: ReadonlyMap<string, string | number>
}

/** More values than any form offers; a longer list in an address is cut here rather than queried. */
const MAX_VALUES_PER_FILTER = 20

function listParam(params: SearchParams, name: string): string[] {
  const raw = params[name]
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ]
}

export function readTermFilters(params: SearchParams, vocabulary: FilterVocabulary): TermFilters {
  const difficulties = new Set<string>(DIFFICULTIES)
  const known = (name: string, accept: (value: string) => boolean) =>
    listParam(params, name).filter(accept).slice(0, MAX_VALUES_PER_FILTER)
  return {
    categories: known('category', (slug) => vocabulary.categories.has(slug)),
    difficulties: known('difficulty', (level) => difficulties.has(level)),
    providers: known('provider', (slug) => vocabulary.providers.has(slug)),
  }
}

export function hasTermFilters(filters: TermFilters): boolean {
  return filters.categories.length + filters.difficulties.length + filters.providers.length > 0
}

/**
 * The query for terms matching every filter given: a category listed, a difficulty listed, and (for
 * providers) a real equivalent service on at least one provider listed. Each condition is on an indexed
 * field; a filter with no values adds nothing.
 */
export function termFiltersWhere(filters: TermFilters, vocabulary: FilterVocabulary): Where {
  const ids = (slugs: string[], by: ReadonlyMap<string, string | number>) =>
    slugs.flatMap((slug) => (by.has(slug) ? [by.get(slug)!] : []))
  const conditions: Where[] = []
  if (filters.categories.length > 0)
    conditions.push({ category: { in: ids(filters.categories, vocabulary.categories) } })
  if (filters.difficulties.length > 0) conditions.push({ difficulty: { in: filters.difficulties } })
  if (filters.providers.length > 0)
    conditions.push({ providersWithService: { in: ids(filters.providers, vocabulary.providers) } })
  return conditions.length === 0 ? {} : { and: conditions }
}

/** The query string for filters (without "?"), in a stable order so equal filters share one URL. */
export function termFiltersQuery(filters: TermFilters): string {
  const params = new URLSearchParams()
  for (const slug of [...filters.categories].sort()) params.append('category', slug)
  for (const level of [...filters.difficulties].sort()) params.append('difficulty', level)
  for (const slug of [...filters.providers].sort()) params.append('provider', slug)
  return params.toString()
}

/** The filters a single value of one field sets, for the counts shown next to each option. */
export function singleFilter(field: FilterField, value: string): TermFilters {
  return {
    categories: field === 'category' ? [value] : [],
    difficulties: field === 'difficulty' ? [value] : [],
    providers: field === 'provider' ? [value] : [],
  }
}

/** The vocabulary of the filters: the slugs of the categories and providers the site shows, with their ids. */
export function filterVocabulary(
  categories: readonly { slug: string; id: string | number }[],
  providers: readonly { slug: string; id: string | number }[],
): FilterVocabulary {
  return {
    categories: new Map(categories.map((category) => [category.slug, category.id])),
    providers: new Map(providers.map((provider) => [provider.slug, provider.id])),
  }
}

/** URLSearchParams as the record readTermFilters takes (a repeated name gives a list). */
export function searchParamsRecord(params: URLSearchParams): Record<string, string[]> {
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]))
}
