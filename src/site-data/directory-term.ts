// What the term directory keeps of each published term: what search and auto-linking need, and the ids
// that tell which terms a change to a category, provider or FAQ touches. Read with `select` and a
// narrow `populate`, so a page of 500 terms carries nothing else.
import { richTextToPlainText } from '@/content-transfer/rich-text'
import type { LinkableTerm } from '@/lib/auto-link'
import { populated, populatedList } from '@/lib/relations'
import type { SearchableTerm } from '@/lib/search/term-search-index'
import { termMetaDescription } from '@/lib/term-summary'
import type { Term } from '@/payload-types'

export type DirectoryCategory = { id: string; name: string; slug: string }
export type DirectoryProvider = { id: string; name: string }

/** A SearchableTerm and a LinkableTerm at once, so search and linking share one object per term. */
export type DirectoryTerm = Omit<SearchableTerm, 'category' | 'providerEquivalents' | 'faqs'> &
  LinkableTerm & {
    category: DirectoryCategory | null
    providerEquivalents: readonly { provider: DirectoryProvider; service: string | null }[]
    faqs: readonly { id: string; question: string; answerText: string }[]
  }

export const DIRECTORY_TERM_SELECT = {
  title: true,
  slug: true,
  definition: true,
  aliases: true,
  category: true,
  providerEquivalents: { provider: true, service: true },
  faqs: true,
} as const

export const DIRECTORY_TERM_POPULATE = {
  categories: { name: true, slug: true },
  providers: { name: true },
  faqs: { question: true, answer: true },
} as const

/** A term read with DIRECTORY_TERM_SELECT at depth 1; links the reader may not see arrive unpopulated and are dropped. */
export function toDirectoryTerm(doc: Term): DirectoryTerm {
  const category = populated(doc.category)
  return {
    id: String(doc.id),
    title: doc.title,
    slug: doc.slug,
    definition: doc.definition,
    summary: termMetaDescription(doc),
    aliases: doc.aliases ?? [],
    category: category ? { id: String(category.id), name: category.name, slug: category.slug } : null,
    providerEquivalents: (doc.providerEquivalents ?? []).flatMap((row) => {
      const provider = populated(row.provider)
      if (!provider) return []
      return [{ provider: { id: String(provider.id), name: provider.name }, service: row.service?.trim() || null }]
    }),
    faqs: populatedList(doc.faqs).map((faq) => ({ id: String(faq.id), question: faq.question, answerText: richTextToPlainText(faq.answer) })),
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
