// Every read the public site makes of terms. Reads run as an anonymous visitor (overrideAccess: false,
// no user), so Payload's access rules, not this module, guarantee that only published content shows.
import type { TypedUser } from 'payload'

import type { Category, Faq, Provider, Term, UseCase } from '@/payload-types'

import { getPayloadClient } from './payload-client'
import { populated, populatedList } from './relations'

export type TermSummary = {
  title: string
  slug: string
  definition: string
  difficulty: Term['difficulty']
  category: Pick<Category, 'name' | 'slug'> | null
}

export type ProviderEquivalentView = {
  provider: Pick<Provider, 'name' | 'fullName' | 'slug'>
  service: string | null
  matchLevel: string | null
  docUrl: string | null
  note: string | null
}

export type SeeAlsoView = { label: string; href: string; external: boolean }

export type TermPageData = {
  title: string
  slug: string
  definition: string
  analogy: string | null
  body: Term['body']
  difficulty: Term['difficulty']
  category: Pick<Category, 'name' | 'slug'> | null
  aliases: string[]
  providerEquivalents: ProviderEquivalentView[]
  useCases: Pick<UseCase, 'id' | 'organization' | 'scenario' | 'solution' | 'outcome'>[]
  faqs: Pick<Faq, 'id' | 'question' | 'answer'>[]
  relatedTerms: Pick<Term, 'title' | 'slug'>[]
  seeAlso: SeeAlsoView[]
  updatedAt: string
}

function summarize(term: Pick<Term, 'title' | 'slug' | 'definition' | 'difficulty' | 'category'>): TermSummary {
  const category = populated(term.category)
  return {
    title: term.title,
    slug: term.slug,
    definition: term.definition,
    difficulty: term.difficulty,
    category: category ? { name: category.name, slug: category.slug } : null,
  }
}

export async function listPublishedTerms(): Promise<TermSummary[]> {
  const payload = await getPayloadClient()
  const result = await payload.find({
    collection: 'terms',
    overrideAccess: false,
    draft: false,
    depth: 1,
    pagination: false,
    sort: 'title',
    select: { title: true, slug: true, definition: true, difficulty: true, category: true },
  })
  return result.docs.map(summarize)
}

export function getPublishedTermBySlug(slug: string): Promise<TermPageData | null> {
  return getTermBySlug(slug, null)
}

/**
 * The latest version, drafts included, as a signed-in staff member sees it (draft preview). Access
 * control stays on: the viewer's own rights decide what is shown.
 */
export function getTermPreviewBySlug(slug: string, viewer: TypedUser): Promise<TermPageData | null> {
  return getTermBySlug(slug, viewer)
}

async function getTermBySlug(slug: string, viewer: TypedUser | null): Promise<TermPageData | null> {
  const payload = await getPayloadClient()
  const result = await payload.find({
    collection: 'terms',
    overrideAccess: false,
    user: viewer ?? undefined,
    draft: Boolean(viewer),
    depth: 1,
    limit: 1,
    where: { slug: { equals: slug } },
  })
  const term = result.docs[0]
  if (!term) return null

  const providerEquivalents = (term.providerEquivalents ?? []).flatMap((row): ProviderEquivalentView[] => {
    const provider = populated(row.provider)
    if (!provider) return []
    return [
      {
        provider: { name: provider.name, fullName: provider.fullName, slug: provider.slug },
        service: row.service?.trim() ? row.service : null,
        matchLevel: row.matchLevel ?? null,
        docUrl: row.docUrl ?? null,
        note: row.note ?? null,
      },
    ]
  })

  const seeAlso = (term.seeAlso ?? []).flatMap((row): SeeAlsoView[] => {
    const linked = populated(row.term)
    if (linked) return [{ label: row.label || linked.title, href: `/terms/${linked.slug}`, external: false }]
    if (row.url) return [{ label: row.label || row.url, href: row.url, external: true }]
    return []
  })

  const category = populated(term.category)
  return {
    title: term.title,
    slug: term.slug,
    definition: term.definition,
    analogy: term.analogy ?? null,
    body: term.body,
    difficulty: term.difficulty,
    category: category ? { name: category.name, slug: category.slug } : null,
    aliases: term.aliases ?? [],
    providerEquivalents,
    useCases: populatedList(term.useCases),
    faqs: populatedList(term.faqs),
    relatedTerms: populatedList(term.relatedTerms).map((related) => ({ title: related.title, slug: related.slug })),
    seeAlso,
    updatedAt: term.updatedAt,
  }
}
