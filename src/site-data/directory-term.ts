// What the term directory keeps of each published term: what search and auto-linking need, and the ids
// that tell which terms a change to a category, provider or FAQ touches. Made from the stored fields
// (DIRECTORY_TERM_SELECT) and the public relations they point at.
import { richTextToPlainText } from '@/content-transfer/rich-text'
import type { LinkableTerm } from '@/lib/auto-link'
import type { SearchableTerm } from '@/lib/search/term-search-index'
import { termMetaDescription } from '@/lib/term-summary'

export type DirectoryCategory = { id: string; name: string; slug: string }
export type DirectoryProvider = { id: string; name: string }

/** A SearchableTerm and a LinkableTerm at once, so search and linking share one object per term. */
export type DirectoryTerm = Omit<SearchableTerm, 'category' | 'providerEquivalents' | 'faqs'> &
  LinkableTerm & {
    category: DirectoryCategory | null
    providerEquivalents: readonly { provider: DirectoryProvider; service: string | null }[]
    faqs: readonly { id: string; question: string; answerText: string }[]
  }

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

/** A stored term as search and linking see it: links to what the public may not read are dropped. */
export function toDirectoryTerm(stored: StoredTerm, relations: PublicRelations): DirectoryTerm {
  return {
    id: String(stored.id),
    title: stored.title,
    slug: stored.slug,
    definition: stored.definition,
    summary: termMetaDescription(stored),
    aliases: stored.aliases ?? [],
    category: stored.category === null || stored.category === undefined ? null : (relations.categories.get(String(stored.category)) ?? null),
    providerEquivalents: (stored.providerEquivalents ?? []).flatMap((row) => {
      const provider = row.provider === null || row.provider === undefined ? undefined : relations.providers.get(String(row.provider))
      return provider ? [{ provider, service: row.service?.trim() || null }] : []
    }),
    faqs: (stored.faqs ?? []).flatMap((id) => {
      const faq = relations.faqs.get(String(id))
      return faq ? [{ id: String(id), question: faq.question, answerText: richTextToPlainText(faq.answer) }] : []
    }),
  }
}

const sameList = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) =>
  a.length === b.length && a.every((item, index) => same(item, b[index]!))

/** Whether two versions of a term show the same to search and linking (a re-read often changes nothing). */
export function sameDirectoryTerm(a: DirectoryTerm, b: DirectoryTerm): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.slug === b.slug &&
    a.definition === b.definition &&
    sameList(a.aliases, b.aliases, (x, y) => x === y) &&
    a.category?.id === b.category?.id &&
    a.category?.name === b.category?.name &&
    a.category?.slug === b.category?.slug &&
    sameList(a.providerEquivalents, b.providerEquivalents, (x, y) => x.provider.id === y.provider.id && x.provider.name === y.provider.name && x.service === y.service) &&
    sameList(a.faqs, b.faqs, (x, y) => x.id === y.id && x.question === y.question && x.answerText === y.answerText)
  )
}
