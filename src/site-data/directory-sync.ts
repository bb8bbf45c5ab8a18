// Keeps a DirectoryContents in step with the published glossary: built once by paging through every
// published term, then changed per entry of the content-changes log (only the terms a change names are
// read again). After an overflow of the log it is read through again in the background while the
// current contents keep serving. Database access goes through a DirectoryReader, so tests give a fake.
import { categoryTag, faqTag, idInTag, providerTag, termIdTag } from '@/site-cache/cache-tags'
import { yieldToEventLoop } from '@/db/event-loop'
import type { SearchText } from '@/search/term-search-index'
import type { ChangeCursor, ChangeRead } from '@/site-cache/change-log'

import type { DirectoryContents } from './directory-contents'
import type { DirectoryCategory, DirectoryProvider, DirectoryTerm } from './directory-term'

export type DirectoryReader = {
  readChanges(cursor: ChangeCursor | null): Promise<ChangeRead>
  /** The ids of every published term. */
  readPublishedTermIds(): Promise<string[]>
  /** The published terms among `ids`. */
  readTerms(ids: readonly string[]): Promise<DirectoryTerm[]>
  /**
   * The text of the published terms among `ids`, for the search hits shown: definitions, and public FAQs of
   * those in `withFaqs`.
   */
  readTermTexts(ids: readonly string[], withFaqs: ReadonlySet<string>): Promise<ReadonlyMap<string, SearchText>>
  /** Ids of published terms that show one of these FAQs. */
  findTermIdsShowingFaqs(faqIds: readonly string[]): Promise<string[]>
  readCategories(ids: readonly string[]): Promise<DirectoryCategory[]>
  readProviders(ids: readonly string[]): Promise<DirectoryProvider[]>
}

/** The documents the tags of a change name, by kind (use cases are not in the directory). */
export type NamedDocuments = { terms: Set<string>; faqs: Set<string>; categories: Set<string>; providers: Set<string> }

export function documentsNamedBy(tags: Iterable<string>): NamedDocuments {
  const named: NamedDocuments = { terms: new Set(), faqs: new Set(), categories: new Set(), providers: new Set() }
  const kinds = [
    [termIdTag, named.terms],
    [faqTag, named.faqs],
    [categoryTag, named.categories],
    [providerTag, named.providers],
  ] as const
  for (const tag of tags) {
    for (const [tagFor, ids] of kinds) {
      const id = idInTag(tagFor, tag)
      if (id) ids.add(id)
    }
  }
  return named
}

/** Terms read per query, when reading the whole glossary and when reading the terms a change names. */
export const BATCH_SIZE = 500

/**
 * Reads every published term into `contents` (new or current) and drops the ones no longer published:
 * the ids first, then the terms in batches by id, which stays cheap on a database without statistics
 * (SQLite then sorts every published row for each keyset page, subqueries included).
 */
export async function readWholeGlossary(
  reader: DirectoryReader,
  contents: DirectoryContents,
  batchSize = BATCH_SIZE,
): Promise<void> {
  const ids = await reader.readPublishedTermIds()
  const seen = new Set<string>()
  for (let start = 0; start < ids.length; start += batchSize) {
    for (const term of await reader.readTerms(ids.slice(start, start + batchSize))) {
      seen.add(term.id)
      contents.set(term)
    }
    // At 100,000 terms the read takes most of a minute; requests and the server's own polls go between batches.
    await yieldToEventLoop()
  }
  for (const id of contents.ids()) if (!seen.has(id)) contents.delete(id)
}

/**
 * Applies the changes `tags` name: re-reads exactly the terms they touch, and shows renamed categories and
 * providers on their terms. A provider gone from public view changes its terms' indexed service names,
 * so its terms are read again too.
 */
export async function applyChanges(
  reader: DirectoryReader,
  contents: DirectoryContents,
  tags: readonly string[],
): Promise<void> {
  const named = documentsNamedBy(tags)
  const termIds = new Set(named.terms)
  if (named.faqs.size > 0) {
    // Terms showing the FAQ now (published again, say), and terms that showed it (deleted since).
    for (const id of await reader.findTermIdsShowingFaqs([...named.faqs])) termIds.add(id)
    for (const id of contents.idsShowingFaqs(named.faqs)) termIds.add(id)
  }
  const categories = named.categories.size > 0 ? await reader.readCategories([...named.categories]) : []
  const providers = new Map(
    (named.providers.size > 0 ? await reader.readProviders([...named.providers]) : []).map((provider) => [
      provider.id,
      provider,
    ]),
  )
  for (const id of named.providers) {
    if (!providers.has(id)) for (const termId of contents.idsWithProvider(id)) termIds.add(termId)
  }

  const ids = [...termIds]
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    const batch = ids.slice(start, start + BATCH_SIZE)
    const published = new Map((await reader.readTerms(batch)).map((term) => [term.id, term]))
    for (const id of batch) {
      const term = published.get(id)
      if (term) contents.set(term)
      else contents.delete(id)
    }
    await yieldToEventLoop()
  }
  const publicCategories = new Map(categories.map((category) => [category.id, category]))
  for (const id of named.categories) contents.updateCategory(id, publicCategories.get(id) ?? null)
  for (const provider of providers.values()) contents.renameProvider(provider)
}
