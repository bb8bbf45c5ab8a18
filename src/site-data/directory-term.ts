// What the term directory reads of each published term: what search and auto-linking need, and the ids
// that tell which terms a change to a category, provider or FAQ touches. Made from the stored fields
// (DIRECTORY_TERM_SELECT) and the public relations they point at. The directory keeps a DirectoryEntry,
// the term without its long text; search reads the text of the hits it shows again.
import { richTextToPlainText } from '@/content-format/rich-text'
import type { LinkableTerm } from '@/site-data/auto-link'
import type { SearchEntry } from '@/search/term-search-index'
import { termMetaDescription } from '@/site-data/term-summary'

export type DirectoryCategory = { id: string; name: string; slug: string }
export type DirectoryProvider = { id: string; name: string }

/** What the directory keeps of a term: one object per term, shared by search and linking. */
export type DirectoryEntry = Omit<SearchEntry, 'category' | 'providerEquivalents'> &
  LinkableTerm & {
    category: DirectoryCategory | null
    providerEquivalents: readonly { provider: DirectoryProvider; service: string | null }[]
    faqIds: readonly string[]
  }

/** A term's long text as the directory reads it: its definition and public FAQs, with their ids. */
export type DirectoryText = {
  definition: string
  faqs: readonly { id: string; question: string; answerText: string }[]
}

/** A published term as read: its entry and its text. */
export type DirectoryTerm = DirectoryEntry & DirectoryText

/** The stored fields a directory term is made from; relationships come as ids (depth 0). */
export const DIRECTORY_TERM_SELECT = {
  title: true,
  slug: true,
  definition: true,
  aliases: true,
  category: true,
  providerEquivalents: { provider: true, service: true },
  faqs: true,
} as const

/** The stored fields a term's text is made from. */
export const TERM_TEXT_SELECT = { definition: true, faqs: true } as const

type Id = string | number
/** A term as stored, with the fields of DIRECTORY_TERM_SELECT. */
export type StoredTerm = {
  id: Id
  title: string
  slug: string
  definition: string
  aliases?: string[] | null
  category?: Id | null
  providerEquivalents?: { provider?: Id | null; service?: string | null }[] | null
  faqs?: Id[] | null
}

/** What a term's relationships point at, as the public may read it; a missing entry is not public. */
export type PublicRelations = {
  categories: ReadonlyMap<string, DirectoryCategory>
  providers: ReadonlyMap<string, DirectoryProvider>
  faqs: ReadonlyMap<string, { question: string; answer: unknown }>
}

/** A stored term's text: its definition and the FAQs the public may read, as plain text. */
export function toDirectoryText(
  stored: Pick<StoredTerm, 'definition' | 'faqs'>,
  faqs: PublicRelations['faqs'],
): DirectoryText {
  return {
    definition: stored.definition,
    faqs: (stored.faqs ?? []).flatMap((id) => {
      const faq = faqs.get(String(id))
      return faq ? [{ id: String(id), question: faq.question, answerText: richTextToPlainText(faq.answer) }] : []
    }),
  }
}

/** A stored term as search and linking see it: links to what the public may not read are dropped. */
export function toDirectoryTerm(stored: StoredTerm, relations: PublicRelations): DirectoryTerm {
  const { faqs } = toDirectoryText(stored, relations.faqs)
  return {
    id: String(stored.id),
    title: stored.title,
    slug: stored.slug,
    definition: stored.definition,
    summary: termMetaDescription(stored),
    aliases: stored.aliases ?? [],
    category:
      stored.category === null || stored.category === undefined
        ? null
        : (relations.categories.get(String(stored.category)) ?? null),
    providerEquivalents: (stored.providerEquivalents ?? []).flatMap((row) => {
      const provider =
        row.provider === null || row.provider === undefined ? undefined : relations.providers.get(String(row.provider))
      return provider ? [{ provider, service: row.service?.trim() || null }] : []
    }),
    faqs,
    faqIds: faqs.map((faq) => faq.id),
  }
}
