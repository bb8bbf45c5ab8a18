// The sitemap of the public site as a sitemap index (/sitemap.xml) over files of at most a few thousand
// URLs each: one for the list pages and as many as the terms need, each file small enough to be cached
// whole and far under the protocol's 50,000 URLs. Pure: the reads are in ./sitemap.ts.
import {
  CATEGORY_INDEX_PATH,
  COMPARE_PATH,
  letterPath,
  PROVIDER_INDEX_PATH,
  sitemapFilePath,
  TERM_INDEX_PATH,
  type IndexLetter,
} from '../routes/site-routes'
import { absoluteUrl } from '../routes/site-url'

/** The sitemap protocol allows 50,000; this many keeps a file of long slugs well under Next's 2 MB cache entry. */
export const URLS_PER_TERM_SITEMAP = 5_000
const PAGES_FILE = 'pages'
const TERMS_FILE_PREFIX = 'terms-'

export type SitemapEntry = { path: string; lastModified: string | null }
export type SitemapFile = { kind: 'pages' } | { kind: 'terms'; part: number }

export function termSitemapCount(termCount: number): number {
  return Math.ceil(termCount / URLS_PER_TERM_SITEMAP)
}

export function sitemapFileName(file: SitemapFile): string {
  return file.kind === 'pages' ? PAGES_FILE : `${TERMS_FILE_PREFIX}${file.part}`
}

/** The files the index lists: the list pages, then one file per URLS_PER_TERM_SITEMAP terms. */
export function sitemapFiles(termCount: number): SitemapFile[] {
  const parts = Array.from({ length: termSitemapCount(termCount) }, (_, index): SitemapFile => ({
    kind: 'terms',
    part: index + 1,
  }))
  return [{ kind: 'pages' }, ...parts]
}

/** The file an address names ("terms-3.xml" → part 3), or null for anything else. */
export function parseSitemapFile(segment: string): SitemapFile | null {
  if (segment === `${PAGES_FILE}.xml`) return { kind: 'pages' }
  const match = new RegExp(`^${TERMS_FILE_PREFIX}([1-9][0-9]{0,5})\\.xml$`).exec(segment)
  return match ? { kind: 'terms', part: Number(match[1]) } : null
}

export type ListPageDates = {
  /** The newest update of any published term, or when the sitemap was made for a site with none. */
  siteUpdated: string
  categories: readonly { path: string; updated: string | null }[]
  providers: readonly { path: string; updated: string | null }[]
  /** Letters with at least one term, each listed by its first page. */
  letters: readonly IndexLetter[]
}

/** The list pages: home, the indexes, the first page of each letter, category and provider. */
export function listPageEntries(dates: ListPageDates): SitemapEntry[] {
  const site = (path: string): SitemapEntry => ({ path, lastModified: dates.siteUpdated })
  const letterEntries = dates.letters.map((letter) => ({ path: letterPath(letter), lastModified: null }))
  const unique = new Map<string, SitemapEntry>()
  for (const entry of [
    site('/'),
    site(TERM_INDEX_PATH),
    ...letterEntries,
    site(COMPARE_PATH),
    site(CATEGORY_INDEX_PATH),
    ...dates.categories.map(({ path, updated }) => ({ path, lastModified: updated })),
    site(PROVIDER_INDEX_PATH),
    ...dates.providers.map(({ path, updated }) => ({ path, lastModified: updated })),
  ]) {
    if (!unique.has(entry.path)) unique.set(entry.path, entry)
  }
  return [...unique.values()]
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

const isoDate = (value: string) => new Date(value).toISOString()

function entryXml(tag: 'url' | 'sitemap', entry: SitemapEntry): string {
  const lastmod = entry.lastModified ? `<lastmod>${isoDate(entry.lastModified)}</lastmod>` : ''
  return `<${tag}>\n<loc>${escapeXml(absoluteUrl(entry.path))}</loc>\n${lastmod ? `${lastmod}\n` : ''}</${tag}>\n`
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9'

export function renderUrlSet(entries: readonly SitemapEntry[]): string {
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}">\n${entries.map((entry) => entryXml('url', entry)).join('')}</urlset>\n`
}

/** The index: each file with the newest date among its URLs, when known. */
export function renderSitemapIndex(files: readonly { file: SitemapFile; lastModified: string | null }[]): string {
  const entries = files.map(({ file, lastModified }) =>
    entryXml('sitemap', { path: sitemapFilePath(sitemapFileName(file)), lastModified }),
  )
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n${entries.join('')}</sitemapindex>\n`
}
