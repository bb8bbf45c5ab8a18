// The shape of a term as the public site shows it, made from a Payload document read at depth 1.
// Links to documents the reader may not see arrive unpopulated and are dropped here.
import { richTextToPlainText } from '@/content-format/rich-text'
import { isHttpUrl } from '@/fields/http-url'
import type { Category, Faq, Provider, Term, UseCase } from '@/payload-types'

import { populated, populatedList } from '../fields/relations'
import { termPath } from '../routes/site-routes'

export type CategoryRef = Pick<Category, 'name' | 'slug'>
export type ProviderRef = Pick<Provider, 'name' | 'slug' | 'fullName'> & { brandColor: string | null }
export type TermRef = Pick<Term, 'title' | 'slug'>

export type ProviderEquivalentView = {
  provider: ProviderRef
  /** Null when the provider has no equivalent service. */
  service: string | null
  matchLevel: 'exact' | 'close' | 'partial' | 'none' | null
  docUrl: string | null
  note: string | null
}

export type SeeAlsoView = { label: string; href: string; external: boolean }

export type FaqView = Pick<Faq, 'id' | 'question' | 'answer'> & { answerText: string }

export type TermView = {
  id: string
  title: string
  slug: string
  definition: string
  analogy: string | null
  body: Term['body']
  bodyText: string
  difficulty: Term['difficulty']
  category: CategoryRef | null
  aliases: string[]
  providerEquivalents: ProviderEquivalentView[]
  useCases: Pick<UseCase, 'id' | 'organization' | 'scenario' | 'solution' | 'outcome'>[]
  faqs: FaqView[]
  relatedTerms: TermRef[]
  seeAlso: SeeAlsoView[]
  /** The editor's search-engine title and description, when set. */
  seoTitle: string | null
  seoDescription: string | null
  createdAt: string
  updatedAt: string
}

export function toTermView(term: Term): TermView {
  const providerEquivalents = (term.providerEquivalents ?? []).flatMap((row): ProviderEquivalentView[] => {
    const provider = populated(row.provider)
    if (!provider) return []
    const service = row.service?.trim() ? row.service.trim() : null
    return [
      {
        provider: {
          name: provider.name,
          fullName: provider.fullName,
          slug: provider.slug,
          brandColor: provider.brandColor ?? null,
        },
        service,
        matchLevel: row.matchLevel ?? (service ? null : 'none'),
        docUrl: isHttpUrl(row.docUrl) ? row.docUrl : null,
        note: row.note ?? null,
      },
    ]
  })

  const seeAlso = (term.seeAlso ?? []).flatMap((row): SeeAlsoView[] => {
    const linked = populated(row.term)
    if (linked) return [{ label: row.label || linked.title, href: termPath(linked.slug), external: false }]
    // Draft saves skip field validation, so a draft previewed by staff may hold any address: render http(s) only.
    if (isHttpUrl(row.url)) return [{ label: row.label || row.url, href: row.url, external: true }]
    return []
  })

  const category = populated(term.category)
  return {
    id: String(term.id),
    title: term.title,
    slug: term.slug,
    definition: term.definition,
    analogy: term.analogy ?? null,
    body: term.body ?? null,
    bodyText: richTextToPlainText(term.body),
    difficulty: term.difficulty,
    category: category ? { name: category.name, slug: category.slug } : null,
    aliases: term.aliases ?? [],
    providerEquivalents,
    useCases: populatedList(term.useCases).map(({ id, organization, scenario, solution, outcome }) => ({
      id,
      organization,
      scenario,
      solution,
      outcome,
    })),
    faqs: populatedList(term.faqs).map(({ id, question, answer }) => ({
      id,
      question,
      answer,
      answerText: richTextToPlainText(answer),
    })),
    relatedTerms: populatedList(term.relatedTerms).map((related) => ({ title: related.title, slug: related.slug })),
    seeAlso,
    seoTitle: term.seo?.title?.trim() || null,
    seoDescription: term.seo?.description?.trim() || null,
    createdAt: term.createdAt,
    updatedAt: term.updatedAt,
  }
}
