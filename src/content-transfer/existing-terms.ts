// What the database already holds for one batch of entries: the latest version of each term with those
// slugs and of its use cases and FAQs, in three queries for the whole batch, with only the fields the
// import compares.
import type { Payload } from 'payload'

import { relationId } from '@/fields/relations'
import type { Faq, Term, UseCase } from '@/payload-types'

type DraftStatus = { _status?: 'draft' | 'published' | null }

export type StoredTerm = Pick<
  Term,
  | 'id'
  | 'title'
  | 'slug'
  | 'definition'
  | 'analogy'
  | 'category'
  | 'difficulty'
  | 'providerEquivalents'
  | 'useCases'
  | 'faqs'
  | 'relatedTerms'
  | 'pendingRelatedTerms'
  | 'seeAlso'
  | '_status'
>
export type StoredUseCase = Pick<UseCase, 'id' | 'organization' | 'scenario' | 'solution' | 'outcome'> & DraftStatus
export type StoredFaq = Pick<Faq, 'id' | 'question' | 'answer'> & DraftStatus

export type ExistingTerm = { term: StoredTerm; useCases: StoredUseCase[]; faqs: StoredFaq[] }

const TERM_FIELDS = {
  title: true,
  slug: true,
  definition: true,
  analogy: true,
  category: true,
  difficulty: true,
  providerEquivalents: true,
  useCases: true,
  faqs: true,
  relatedTerms: true,
  pendingRelatedTerms: true,
  seeAlso: true,
  _status: true,
} as const

async function findLatest<Doc extends { id: string }>(
  payload: Payload,
  collection: 'use-cases' | 'faqs',
  ids: string[],
  select: Record<string, true>,
): Promise<Map<string, Doc>> {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection,
    where: { id: { in: ids } },
    draft: true,
    depth: 0,
    pagination: false,
    limit: ids.length,
    select,
  })
  return new Map((docs as unknown as Doc[]).map((doc) => [doc.id, doc]))
}

const idsOf = (terms: StoredTerm[], field: 'useCases' | 'faqs') =>
  terms.flatMap((term) => (term[field] ?? []).flatMap((value) => relationId(value) ?? []))

/** The stored terms with these slugs, by slug, with their use cases and FAQs in the order the term lists them. */
export async function loadExistingTerms(payload: Payload, slugs: string[]): Promise<Map<string, ExistingTerm>> {
  if (slugs.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'terms',
    where: { slug: { in: slugs } },
    draft: true,
    depth: 0,
    pagination: false,
    limit: slugs.length,
    select: TERM_FIELDS,
  })
  const terms = docs as StoredTerm[]
  const statusAndFields = { _status: true } as const
  const [useCases, faqs] = await Promise.all([
    findLatest<StoredUseCase>(payload, 'use-cases', idsOf(terms, 'useCases'), {
      ...statusAndFields,
      organization: true,
      scenario: true,
      solution: true,
      outcome: true,
    }),
    findLatest<StoredFaq>(payload, 'faqs', idsOf(terms, 'faqs'), { ...statusAndFields, question: true, answer: true }),
  ])
  const pick = <Doc>(values: StoredTerm['useCases'] | StoredTerm['faqs'], byId: Map<string, Doc>): Doc[] =>
    (values ?? []).flatMap((value) => byId.get(relationId(value) ?? '') ?? [])
  return new Map(
    terms.map((term) => [term.slug, { term, useCases: pick(term.useCases, useCases), faqs: pick(term.faqs, faqs) }]),
  )
}
