// The one term directory of this process, and what the site asks of it: the search index and a page's
// auto-linker. Kept on globalThis because Next may bundle this module more than once (pages, route
// handlers), and each copy must not build its own 100,000-term directory.
import type { TermLinker } from '@/site-data/auto-link'
import { getPayloadClient } from '@/site-data/payload-client'
import type { TermSearchIndex } from '@/search/term-search-index'

import { createPayloadDirectoryReader } from './payload-directory-reader'
import { TermDirectory } from './term-directory'

const DIRECTORY = Symbol.for('cloudlex.termDirectory')

function siteDirectory(): TermDirectory {
  const holder = globalThis as { [DIRECTORY]?: TermDirectory }
  return (holder[DIRECTORY] ??= new TermDirectory(createPayloadDirectoryReader(getPayloadClient)))
}

/** The search index over the published glossary, with changes recorded up to about a second ago. */
export async function getTermSearchIndex(): Promise<TermSearchIndex> {
  return (await siteDirectory().current()).search
}

/**
 * The auto-linker for one page, over every published term but the page's own (`currentSlug`), with every
 * change recorded before this call applied: the page is cached with its links. Its `linkedTerms()`
 * after rendering are the terms the page depends on.
 */
export async function getTermLinker(currentSlug: string | null): Promise<TermLinker> {
  return (await siteDirectory().upToDate()).names.linker(currentSlug)
}

/** Reads the published glossary into this process's directory now, rather than on the first page that needs it. */
export async function warmTermDirectory(): Promise<{ terms: number }> {
  return { terms: (await siteDirectory().current()).size }
}
