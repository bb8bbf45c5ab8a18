// A glossary of a few thousand generated terms (bench/generated-glossary.ts) written straight into the
// SQLite tables, so a test file can fill one in seconds. That skips Payload's hooks, so the fields the
// Terms hooks derive are filled here by the same functions the hooks use. Every eleventh term is left a
// draft and every seventh records "no equivalent" on OCI, so tests can see both left out.
import crypto from 'node:crypto'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { generatedEntry, GENERATED_CATEGORIES } from '../../../bench/generated-glossary'
import { derivedListFields } from '@/collections/Terms/list-fields'

import { seedProvidersForTest } from './harness'

export type GeneratedGlossary = {
  categoryIds: Map<string, string>
  providerIds: Map<string, string>
  /** What each generated term became, by slug. */
  terms: Map<string, GeneratedTerm>
}

export type GeneratedTerm = {
  title: string
  slug: string
  category: string
  difficulty: string
  published: boolean
  /** Provider slugs the term names a real service for. */
  servicedBy: string[]
  /** Provider slugs the term lists at all (with a service or as "no equivalent"). */
  listedBy: string[]
  createdAt: string
  updatedAt: string
}

const isDraft = (index: number) => index % 11 === 5
const hasNoOciEquivalent = (index: number) => index % 7 === 3

/** The generated categories and the seed's providers, reusing any that already exist. */
async function createTaxonomy(payload: Payload) {
  await seedProvidersForTest(payload)
  const providers = await payload.find({ collection: 'providers', limit: 100, pagination: false, depth: 0 })
  const providerIds = new Map(providers.docs.map((provider) => [provider.slug, String(provider.id)]))
  const existing = await payload.find({ collection: 'categories', limit: 1000, pagination: false, depth: 0 })
  const categoryIds = new Map(existing.docs.map((category) => [category.slug, String(category.id)]))
  for (const slug of GENERATED_CATEGORIES) {
    if (categoryIds.has(slug)) continue
    const name = slug[0]!.toUpperCase() + slug.slice(1)
    const category = await payload.create({
      collection: 'categories',
      data: { name, slug },
      context: { skipAudit: true },
    })
    categoryIds.set(slug, String(category.id))
  }
  return { categoryIds, providerIds }
}

/** Rows per INSERT statement, under SQLite's limit on bound values per statement. */
const ROWS_PER_INSERT = 200

type Rows = {
  terms: Record<string, unknown>[]
  equivalents: Record<string, unknown>[]
  rels: Record<string, unknown>[]
}

/**
 * Writes the glossary as SQLite rows, a few hundred per statement: a term through the Local API costs
 * tens of milliseconds (hooks, versions, the change log), which a few thousand terms cannot afford.
 */
export async function insertGeneratedGlossary(payload: Payload, count: number): Promise<GeneratedGlossary> {
  const adapter = payload.db as unknown as Partial<SQLiteAdapter>
  if (!adapter.drizzle || !adapter.tables)
    throw new Error('insertGeneratedGlossary writes SQLite rows: run it on the SQLite adapter.')
  const { categoryIds, providerIds } = await createTaxonomy(payload)
  const terms = new Map<string, GeneratedTerm>()
  const rows: Rows = { terms: [], equivalents: [], rels: [] }
  for (let index = 0; index < count; index += 1) {
    const term = termRows(rows, { index, count, categoryIds, providerIds })
    terms.set(term.slug, term)
  }
  const tables = adapter.tables
  for (const [table, values] of [
    ['terms', rows.terms],
    ['terms_provider_equivalents', rows.equivalents],
    ['terms_rels', rows.rels],
  ] as const) {
    for (let first = 0; first < values.length; first += ROWS_PER_INSERT) {
      await adapter.drizzle.insert(tables[table]!).values(values.slice(first, first + ROWS_PER_INSERT))
    }
  }
  return { categoryIds, providerIds, terms }
}

type TermSpec = { index: number; count: number; categoryIds: Map<string, string>; providerIds: Map<string, string> }

/** Adds one generated term's rows (the term, its provider equivalents, its derived providers) to `rows`. */
function termRows(rows: Rows, { index, count, categoryIds, providerIds }: TermSpec): GeneratedTerm {
  const entry = generatedEntry(index, count)
  const id = crypto.randomUUID()
  const equivalents = entry.providerEquivalents.map((row, order) => {
    const none = row.provider === 'OCI' && hasNoOciEquivalent(index)
    return {
      provider: providerIds.get(row.provider.toLowerCase())!,
      service: none ? null : row.service,
      matchLevel: none ? 'none' : 'close',
      order,
    }
  })
  const derived = derivedListFields({ title: entry.title, providerEquivalents: equivalents })
  // Distinct times, some terms edited after they were added, so "newest" lists have one answer.
  const start = Date.UTC(2026, 0, 1) + index * 60_000
  const createdAt = new Date(start).toISOString()
  const updatedAt = new Date(start + (index % 3 === 0 ? 30_000 : 0)).toISOString()
  const status = isDraft(index) ? 'draft' : 'published'
  rows.terms.push({
    id,
    title: entry.title,
    slug: entry.slug,
    definition: entry.definition,
    analogy: entry.analogy,
    category: categoryIds.get(entry.category)!,
    difficulty: entry.difficulty,
    indexLetter: derived.indexLetter,
    sortTitle: derived.sortTitle,
    workflowStage: status,
    _status: status,
    createdAt,
    updatedAt,
  })
  for (const row of equivalents) {
    rows.equivalents.push({
      _order: row.order + 1,
      _parentID: id,
      id: `${id}-${row.order}`,
      provider: row.provider,
      service: row.service,
      matchLevel: row.matchLevel,
    })
  }
  derived.providersWithService.forEach((provider, order) =>
    rows.rels.push({ order: order + 1, parent: id, path: 'providersWithService', providersID: provider }),
  )
  const slugOf = (providerId: string | number) => [...providerIds].find(([, candidate]) => candidate === providerId)![0]
  return {
    title: entry.title,
    slug: entry.slug,
    category: entry.category,
    difficulty: entry.difficulty,
    published: status === 'published',
    servicedBy: derived.providersWithService.map(slugOf),
    listedBy: [...providerIds.keys()],
    createdAt,
    updatedAt,
  }
}

/** The published terms of a generated glossary, in the site's title order. */
export function publishedInTitleOrder(
  glossary: GeneratedGlossary,
  keep: (term: GeneratedTerm) => boolean = () => true,
): GeneratedTerm[] {
  const key = (term: GeneratedTerm) => derivedListFields({ title: term.title }).sortTitle
  return [...glossary.terms.values()]
    .filter((term) => term.published && keep(term))
    .sort((a, b) => (key(a) === key(b) ? (a.slug < b.slug ? -1 : 1) : key(a) < key(b) ? -1 : 1))
}
