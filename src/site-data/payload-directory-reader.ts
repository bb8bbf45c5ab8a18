// How the term directory reads the database: only what the anonymous public may read. Each collection's
// own read-access rule, evaluated for a request without a user, is part of every query, and only the
// live documents (never drafts) are read. Terms and FAQs go through the database adapter with `select`:
// at 100,000 terms the Local API's work per document (population, afterRead hooks) cost 171 s of CPU for
// one read of the glossary against about 20 s here. The small collections use the Local API as the public.
import { createLocalReq, type Payload, type SelectType, type Where } from 'payload'

import { readChangesSince } from '@/site-cache/change-log'

import type { DirectoryReader } from './directory-sync'
import {
  DIRECTORY_TERM_SELECT,
  TERM_TEXT_SELECT,
  toDirectoryTerm,
  toDirectoryText,
  type PublicRelations,
  type StoredTerm,
} from './directory-term'

const PUBLIC = { overrideAccess: false, draft: false } as const

type AdapterCollection = 'terms' | 'faqs'

/**
 * The collection's read rule for a visitor who is not signed in: a constraint, none (`{}`), or nothing readable
 * (null).
 */
async function publicReadRule(payload: Payload, collection: AdapterCollection): Promise<Where | null> {
  const read = payload.collections[collection].config.access.read
  const verdict = await read({ req: await createLocalReq({}, payload) })
  return verdict === true ? {} : verdict === false ? null : verdict
}

const uniqueIds = (ids: Iterable<string | number | null | undefined>) => [
  ...new Set([...ids].flatMap((id) => (id === null || id === undefined ? [] : [String(id)]))),
]

type FindPublic = (collection: AdapterCollection, where: Where, limit: number, select: SelectType) => Promise<unknown[]>

/**
 * Finds the live documents of `collection` matching `where` that the public may read, through the adapter
 * (limit 0: all).
 */
function publicAdapterFinder(getPayload: () => Promise<Payload>): FindPublic {
  const rules = new Map<AdapterCollection, Promise<Where | null>>()
  const ruleFor = (payload: Payload, collection: AdapterCollection) => {
    if (!rules.has(collection)) rules.set(collection, publicReadRule(payload, collection))
    return rules.get(collection)!
  }
  return async (collection, where, limit, select) => {
    const payload = await getPayload()
    const rule = await ruleFor(payload, collection)
    if (!rule) return []
    const { docs } = await payload.db.find({
      collection,
      where: { and: [where, rule] },
      sort: 'id',
      limit,
      pagination: false,
      select,
    })
    return docs as unknown[]
  }
}

async function readPublicCategories(payload: Payload, ids: readonly string[]) {
  const { docs } = await payload.find({
    collection: 'categories',
    ...PUBLIC,
    where: { id: { in: [...ids] } },
    pagination: false,
    depth: 0,
    select: { name: true, slug: true },
  })
  return docs.map((doc) => ({ id: String(doc.id), name: doc.name, slug: doc.slug }))
}

async function readPublicProviders(payload: Payload, ids: readonly string[]) {
  const { docs } = await payload.find({
    collection: 'providers',
    ...PUBLIC,
    where: { id: { in: [...ids] } },
    pagination: false,
    depth: 0,
    select: { name: true },
  })
  return docs.map((doc) => ({ id: String(doc.id), name: doc.name }))
}

/** The public FAQs among `ids`, by id. */
async function readPublicFaqs(findPublic: FindPublic, ids: string[]) {
  const faqs =
    ids.length === 0 ? [] : await findPublic('faqs', { id: { in: ids } }, ids.length, { question: true, answer: true })
  return new Map(
    (faqs as { id: string | number; question: string; answer: unknown }[]).map((faq) => [String(faq.id), faq]),
  )
}

async function readPublicRelations(
  payload: Payload,
  findPublic: FindPublic,
  terms: StoredTerm[],
): Promise<PublicRelations> {
  const categoryIds = uniqueIds(terms.map((term) => term.category))
  const providerIds = uniqueIds(terms.flatMap((term) => (term.providerEquivalents ?? []).map((row) => row.provider)))
  const faqIds = uniqueIds(terms.flatMap((term) => term.faqs ?? []))
  const [categories, providers, faqs] = await Promise.all([
    categoryIds.length === 0 ? [] : readPublicCategories(payload, categoryIds),
    providerIds.length === 0 ? [] : readPublicProviders(payload, providerIds),
    readPublicFaqs(findPublic, faqIds),
  ])
  return {
    categories: new Map(categories.map((category) => [category.id, category])),
    providers: new Map(providers.map((provider) => [provider.id, provider])),
    faqs,
  }
}

export function createPayloadDirectoryReader(getPayload: () => Promise<Payload>): DirectoryReader {
  const findPublic = publicAdapterFinder(getPayload)

  async function readTerms(where: Where, limit: number) {
    const stored = (await findPublic('terms', where, limit, DIRECTORY_TERM_SELECT)) as StoredTerm[]
    const relations = await readPublicRelations(await getPayload(), findPublic, stored)
    return stored.map((term) => toDirectoryTerm(term, relations))
  }

  return {
    readChanges: async (cursor) => readChangesSince(await getPayload(), cursor),

    readPublishedTermIds: async () => {
      const docs = (await findPublic('terms', {}, 0, {})) as { id: string | number }[]
      return docs.map((doc) => String(doc.id))
    },

    readTerms: (ids) => (ids.length === 0 ? Promise.resolve([]) : readTerms({ id: { in: [...ids] } }, ids.length)),

    readTermTexts: async (ids, withFaqs) => {
      if (ids.length === 0) return new Map()
      const stored = (await findPublic('terms', { id: { in: [...ids] } }, ids.length, TERM_TEXT_SELECT)) as Pick<
        StoredTerm,
        'id' | 'definition' | 'faqs'
      >[]
      const shown = stored.map((term) => (withFaqs.has(String(term.id)) ? term : { ...term, faqs: [] }))
      const faqs = await readPublicFaqs(findPublic, uniqueIds(shown.flatMap((term) => term.faqs ?? [])))
      return new Map(shown.map((term) => [String(term.id), toDirectoryText(term, faqs)]))
    },

    findTermIdsShowingFaqs: async (faqIds) => {
      const payload = await getPayload()
      const { docs } = await payload.find({
        collection: 'terms',
        ...PUBLIC,
        where: { faqs: { in: [...faqIds] } },
        pagination: false,
        depth: 0,
        select: {},
      })
      return docs.map((doc) => String(doc.id))
    },

    readCategories: async (ids) => readPublicCategories(await getPayload(), ids),

    readProviders: async (ids) => readPublicProviders(await getPayload(), ids),
  }
}
