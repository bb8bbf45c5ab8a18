// Where the public list pages live: the one place their addresses are spelled. Unfiltered lists are
// paginated in the path (/terms/letter/b/2, /categories/storage/3), so every page of them can be served
// from Next's rendering cache; filtered views keep their filters in the query string (see next.config.mjs).
import type { ReservedSlugs } from '@/fields/slug'

/** The A–Z index files titles under A–Z, and everything else (digits, symbols) under "#". */
export const INDEX_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const
export type IndexLetter = (typeof INDEX_LETTERS)[number]
/** The letter /terms itself shows. */
export const FIRST_INDEX_LETTER: IndexLetter = 'A'

/** The static segment under /terms that the A–Z pages live below, so no term may use it as its slug. */
export const TERM_INDEX_SEGMENT = 'letter'
const OTHER_LETTER_SEGMENT = 'other'

export const RESERVED_TERM_SLUGS: ReservedSlugs = {
  slugs: [TERM_INDEX_SEGMENT],
  reason: `the A–Z index pages live under /terms/${TERM_INDEX_SEGMENT}/`,
}

export function letterSegment(letter: IndexLetter): string {
  return letter === '#' ? OTHER_LETTER_SEGMENT : letter.toLowerCase()
}

/** The letter of a path segment, or null for anything that is not one ("b" → "B", "other" → "#"). */
export function letterFromSegment(segment: string): IndexLetter | null {
  if (segment === OTHER_LETTER_SEGMENT) return '#'
  return /^[a-z]$/.test(segment) ? (segment.toUpperCase() as IndexLetter) : null
}

const withPage = (base: string, page: number) => (page > 1 ? `${base}/${page}` : base)

export const termPath = (slug: string) => `/terms/${slug}`

export function letterPath(letter: IndexLetter, page = 1): string {
  if (letter === FIRST_INDEX_LETTER && page === 1) return '/terms'
  return withPage(`/terms/${TERM_INDEX_SEGMENT}/${letterSegment(letter)}`, page)
}

export const TERM_INDEX_PATH = '/terms'
export const CATEGORY_INDEX_PATH = '/categories'
export const PROVIDER_INDEX_PATH = '/providers'
export const COMPARE_PATH = '/compare'

export const categoryPath = (slug: string, page = 1) => withPage(`${CATEGORY_INDEX_PATH}/${slug}`, page)
export const providerPath = (slug: string, page = 1) => withPage(`${PROVIDER_INDEX_PATH}/${slug}`, page)
export const compareCategoryPath = (slug: string, page = 1) => withPage(`${COMPARE_PATH}/${slug}`, page)

/** A path with a query string, or the path alone when the query is empty. */
export function withQuery(path: string, query: URLSearchParams | string): string {
  const text = query.toString()
  return text ? `${path}?${text}` : path
}

export type CompareDownloadFormat = 'csv' | 'json'
export const COMPARE_DOWNLOAD_PATHS: Record<CompareDownloadFormat, string> = {
  csv: '/compare.csv',
  json: '/compare.json',
}

export const SITEMAP_INDEX_PATH = '/sitemap.xml'
export const sitemapFilePath = (name: string) => `/sitemap/${name}.xml`
