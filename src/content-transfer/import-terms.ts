// Upserts parsed seed-format documents into Payload: idempotent (by slug), one transaction per term,
// related names resolved after every document of the batch is in, unresolved names kept for later.
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { slugify } from '@/content-format/slugify'
import type { TermDocument } from '@/content-format/types'
import { populatedList } from '@/lib/relations'
import type { Faq, Term, UseCase } from '@/payload-types'

import { plainTextToRichText, richTextToPlainText } from './rich-text'

export type ImportStatus = 'draft' | 'published'

export type ImportOptions = {
  status: ImportStatus
  onProgress?: (done: number, total: number, slug: string) => void
}

export type ImportReport = {
  created: string[]
  updated: string[]
  unchanged: string[]
  /** Terms outside the batch whose waiting related names now point at a term of the batch. */
  linked: string[]
  unresolved: { slug: string; names: string[] }[]
  failed: { slug: string; message: string }[]
}

export function countChanges(report: ImportReport): number {
  return report.created.length + report.updated.length + report.linked.length
}

type TermRef = { id: string; slug: string }
type SeeAlsoRow = NonNullable<Term['seeAlso']>[number]
type EquivalentRow = NonNullable<Term['providerEquivalents']>[number]

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id

/** Finds terms by title, alias (case-insensitive) or slug, as editors write names in Related Terms. */
class TermNameIndex {
  private byName = new Map<string, TermRef>()
  private bySlug = new Map<string, TermRef>()

  add(term: { id: string; slug: string; title: string; aliases?: string[] | null }): void {
    const ref = { id: term.id, slug: term.slug }
    this.bySlug.set(term.slug, ref)
    this.byName.set(term.title.trim().toLowerCase(), ref)
    for (const alias of term.aliases ?? []) this.byName.set(alias.trim().toLowerCase(), ref)
  }

  resolve(name: string): TermRef | null {
    return this.byName.get(name.trim().toLowerCase()) ?? this.bySlug.get(slugify(name)) ?? null
  }
}

type Lookups = {
  categoryIdByKey: Map<string, string>
  providerIdByName: Map<string, string>
  terms: TermNameIndex
}

function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase())
}

async function loadLookups(payload: Payload): Promise<Lookups> {
  const [categories, providers, terms] = await Promise.all([
    payload.find({ collection: 'categories', pagination: false, depth: 0 }),
    payload.find({ collection: 'providers', pagination: false, depth: 0 }),
    payload.find({
      collection: 'terms',
      pagination: false,
      depth: 0,
      draft: true,
      select: { title: true, slug: true, aliases: true },
    }),
  ])
  const categoryIdByKey = new Map<string, string>()
  for (const category of categories.docs) {
    categoryIdByKey.set(category.slug, category.id)
    categoryIdByKey.set(category.name.toLowerCase(), category.id)
  }
  const providerIdByName = new Map(providers.docs.map((provider) => [provider.name.toLowerCase(), provider.id]))
  const index = new TermNameIndex()
  for (const term of terms.docs) index.add(term)
  return { categoryIdByKey, providerIdByName, terms: index }
}

async function ensureCategoriesAndProviders(
  payload: Payload,
  documents: TermDocument[],
  lookups: Lookups,
): Promise<void> {
  for (const document of documents) {
    const key = document.category.toLowerCase()
    if (!lookups.categoryIdByKey.has(key) && !lookups.categoryIdByKey.has(slugify(key))) {
      const category = await payload.create({
        collection: 'categories',
        data: { name: titleCase(document.category), slug: slugify(document.category) },
      })
      lookups.categoryIdByKey.set(key, category.id)
      lookups.categoryIdByKey.set(category.slug, category.id)
    }
    for (const { provider } of document.providerEquivalents) {
      if (lookups.providerIdByName.has(provider.toLowerCase())) continue
      const created = await payload.create({
        collection: 'providers',
        data: { name: provider, slug: slugify(provider), fullName: provider },
      })
      lookups.providerIdByName.set(provider.toLowerCase(), created.id)
    }
  }
}

function categoryIdFor(document: TermDocument, lookups: Lookups): string {
  const key = document.category.toLowerCase()
  const id = lookups.categoryIdByKey.get(key) ?? lookups.categoryIdByKey.get(slugify(key))
  if (!id) throw new Error(`category "${document.category}" was not created`)
  return id
}

function providerRowsFor(document: TermDocument, existing: Term | null, lookups: Lookups): EquivalentRow[] {
  return document.providerEquivalents.map(({ provider, service }) => {
    const providerId = lookups.providerIdByName.get(provider.toLowerCase())
    if (!providerId) throw new Error(`provider "${provider}" was not created`)
    // Match level, documentation link and note are edited in the admin only: an import keeps them.
    const previous = existing?.providerEquivalents?.find((row) => idOf(row.provider) === providerId)
    const keptLevel = previous?.matchLevel && previous.matchLevel !== 'none' ? previous.matchLevel : null
    return {
      provider: providerId,
      service,
      matchLevel: service === null ? 'none' : keptLevel,
      docUrl: previous?.docUrl ?? null,
      note: previous?.note ?? null,
    }
  })
}

type ResolvedLinks = {
  relatedTerms: string[]
  pendingRelatedTerms: string[]
  seeAlso: SeeAlsoRow[]
}

function resolveLinks(
  relatedNames: string[],
  seeAlsoNames: string[],
  selfSlug: string,
  existing: Term | null,
  lookups: Lookups,
): ResolvedLinks {
  const relatedTerms: string[] = []
  const pendingRelatedTerms: string[] = []
  for (const name of relatedNames) {
    const ref = lookups.terms.resolve(name)
    if (ref?.slug === selfSlug) continue
    if (!ref) pendingRelatedTerms.push(name)
    else if (!relatedTerms.includes(ref.id)) relatedTerms.push(ref.id)
  }
  const seeAlso = seeAlsoNames.flatMap((name): SeeAlsoRow[] => {
    const ref = lookups.terms.resolve(name)
    if (ref?.slug === selfSlug) return []
    if (!ref) return [{ term: null, label: name, url: null }]
    const previous = existing?.seeAlso?.find((row) => idOf(row.term) === ref.id)
    return [{ term: ref.id, label: previous?.label ?? null, url: previous?.url ?? null }]
  })
  return { relatedTerms, pendingRelatedTerms, seeAlso }
}

const sameUseCase = (doc: UseCase, entry: TermDocument['useCases'][number]) =>
  doc.organization === entry.organization &&
  doc.scenario === entry.scenario &&
  doc.solution === entry.solution &&
  (doc.outcome ?? null) === entry.outcome

const sameFaq = (doc: Faq, entry: TermDocument['faqs'][number]) =>
  doc.question === entry.question && richTextToPlainText(doc.answer) === entry.answer

/** Writes the children (use cases or FAQs) of one term, reusing the ones at the same position. */
async function syncChildren<Doc extends { id: string; _status?: 'draft' | 'published' | null }, Entry>(args: {
  existing: Doc[]
  entries: Entry[]
  same: (doc: Doc, entry: Entry) => boolean
  write: (entry: Entry, previous: Doc | undefined) => Promise<Doc>
  status: ImportStatus
}): Promise<{ ids: string[]; changed: boolean }> {
  const ids: string[] = []
  let changed = false
  for (const [position, entry] of args.entries.entries()) {
    const previous = args.existing[position]
    const upToDate =
      previous && args.same(previous, entry) && (args.status === 'draft' || previous._status === 'published')
    if (upToDate) {
      ids.push(previous.id)
      continue
    }
    ids.push((await args.write(entry, previous)).id)
    changed = true
  }
  return { ids, changed: changed || args.existing.length !== args.entries.length }
}

function sameIds(a: ReadonlyArray<string | { id: string }> | null | undefined, b: string[]): boolean {
  const left = (a ?? []).map((value) => idOf(value))
  return left.length === b.length && left.every((id, index) => id === b[index])
}

function sameEquivalents(a: EquivalentRow[] | null | undefined, b: EquivalentRow[]): boolean {
  const left = a ?? []
  return (
    left.length === b.length &&
    left.every((row, index) => {
      const other = b[index]!
      return (
        idOf(row.provider) === other.provider &&
        (row.service?.trim() || null) === other.service &&
        (row.matchLevel ?? null) === (other.matchLevel ?? null)
      )
    })
  )
}

function sameSeeAlso(a: SeeAlsoRow[] | null | undefined, b: SeeAlsoRow[]): boolean {
  const left = a ?? []
  return (
    left.length === b.length &&
    left.every((row, index) => {
      const other = b[index]!
      return idOf(row.term) === other.term && (row.label ?? null) === (other.label ?? null)
    })
  )
}

async function inTransaction<T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const result = await work(req)
    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

type TermOutcome = 'created' | 'updated' | 'unchanged'

/** What a re-import compares of a term's use cases and FAQs: their content and whether they are live. */
const CHILDREN_COMPARED = {
  'use-cases': { organization: true, scenario: true, solution: true, outcome: true, _status: true },
  faqs: { question: true, answer: true, _status: true },
} as const

async function upsertTerm(
  payload: Payload,
  document: TermDocument,
  status: ImportStatus,
  lookups: Lookups,
): Promise<{ outcome: TermOutcome; pending: string[] }> {
  return inTransaction(payload, async (req) => {
    const found = await payload.find({
      collection: 'terms',
      where: { slug: { equals: document.slug } },
      draft: true,
      depth: 1,
      populate: CHILDREN_COMPARED,
      limit: 1,
      req,
    })
    const existing = found.docs[0] ?? null
    const isDraft = status === 'draft'

    const useCases = await syncChildren({
      existing: populatedList(existing?.useCases),
      entries: document.useCases,
      same: sameUseCase,
      status,
      write: (entry, previous) => {
        const data = { ...entry, _status: status }
        return previous
          ? payload.update({ collection: 'use-cases', id: previous.id, data, draft: isDraft, req })
          : payload.create({ collection: 'use-cases', data, draft: isDraft, req })
      },
    })
    const faqs = await syncChildren({
      existing: populatedList(existing?.faqs),
      entries: document.faqs,
      same: sameFaq,
      status,
      write: (entry, previous) => {
        const data = { question: entry.question, answer: plainTextToRichText(entry.answer), _status: status }
        return previous
          ? payload.update({ collection: 'faqs', id: previous.id, data, draft: isDraft, req })
          : payload.create({ collection: 'faqs', data, draft: isDraft, req })
      },
    })

    const links = resolveLinks(document.relatedTerms, document.seeAlso, document.slug, existing, lookups)
    const pending = [
      ...links.pendingRelatedTerms,
      ...links.seeAlso.flatMap((row) => (row.term ? [] : [row.label!])),
    ]
    const data = {
      title: document.title,
      slug: document.slug,
      definition: document.definition,
      analogy: document.analogy,
      category: categoryIdFor(document, lookups),
      difficulty: document.difficulty,
      providerEquivalents: providerRowsFor(document, existing, lookups),
      useCases: useCases.ids,
      faqs: faqs.ids,
      ...links,
      _status: status,
    }

    if (!existing) {
      const created = await payload.create({ collection: 'terms', data, draft: isDraft, req })
      lookups.terms.add(created)
      return { outcome: 'created', pending }
    }

    const unchanged =
      !useCases.changed &&
      !faqs.changed &&
      existing.title === data.title &&
      existing.definition === data.definition &&
      (existing.analogy ?? null) === data.analogy &&
      idOf(existing.category) === data.category &&
      existing.difficulty === data.difficulty &&
      sameEquivalents(existing.providerEquivalents, data.providerEquivalents) &&
      sameIds(existing.relatedTerms, data.relatedTerms) &&
      JSON.stringify(existing.pendingRelatedTerms ?? []) === JSON.stringify(data.pendingRelatedTerms) &&
      sameSeeAlso(existing.seeAlso, data.seeAlso) &&
      (isDraft || existing._status === 'published')
    if (unchanged) return { outcome: 'unchanged', pending }

    await payload.update({ collection: 'terms', id: existing.id, data, draft: isDraft, req })
    return { outcome: 'updated', pending }
  })
}

/** Writes only the link fields of a term, keeping whether its latest version is a draft. */
async function updateLinks(payload: Payload, term: Term, links: ResolvedLinks): Promise<void> {
  const isDraft = term._status !== 'published'
  await payload.update({
    collection: 'terms',
    id: term.id,
    data: { ...links, _status: isDraft ? 'draft' : 'published' },
    draft: isDraft,
  })
}

function appendResolvedLinks(term: Term, lookups: Lookups): ResolvedLinks {
  const relatedTerms = (term.relatedTerms ?? []).map((value) => idOf(value)!)
  const pendingRelatedTerms: string[] = []
  for (const name of term.pendingRelatedTerms ?? []) {
    const ref = lookups.terms.resolve(name)
    if (!ref) pendingRelatedTerms.push(name)
    else if (ref.id !== term.id && !relatedTerms.includes(ref.id)) relatedTerms.push(ref.id)
  }
  const seeAlso = (term.seeAlso ?? []).flatMap((row): SeeAlsoRow[] => {
    if (row.term || !row.label || row.url) return [{ term: idOf(row.term), label: row.label, url: row.url }]
    const ref = lookups.terms.resolve(row.label)
    if (ref?.id === term.id) return []
    return [ref ? { term: ref.id, label: null, url: null } : { term: null, label: row.label, url: null }]
  })
  return { relatedTerms, pendingRelatedTerms, seeAlso }
}

function hasWaitingNames(term: Term): boolean {
  return (
    (term.pendingRelatedTerms ?? []).length > 0 || (term.seeAlso ?? []).some((row) => !row.term && !row.url && row.label)
  )
}

/**
 * Links names that were waiting for a term that now exists. Terms of the batch are resolved again from
 * their documents, so their order follows the file; other terms get the newly found terms appended.
 * A term whose latest version is a draft gets the link in that draft: publishing stays an editor's call.
 */
async function resolveWaitingLinks(
  payload: Payload,
  documentsBySlug: Map<string, TermDocument>,
  lookups: Lookups,
): Promise<string[]> {
  const linked: string[] = []
  const { docs } = await payload.find({ collection: 'terms', pagination: false, depth: 0, draft: true })
  for (const term of docs.filter(hasWaitingNames)) {
    const document = documentsBySlug.get(term.slug)
    const links = document
      ? resolveLinks(document.relatedTerms, document.seeAlso, term.slug, term, lookups)
      : appendResolvedLinks(term, lookups)
    const changed =
      !sameIds(term.relatedTerms, links.relatedTerms) ||
      JSON.stringify(term.pendingRelatedTerms ?? []) !== JSON.stringify(links.pendingRelatedTerms) ||
      !sameSeeAlso(term.seeAlso, links.seeAlso)
    if (!changed) continue
    await updateLinks(payload, term, links)
    linked.push(term.slug)
  }
  return linked
}

export async function importTermDocuments(
  payload: Payload,
  documents: TermDocument[],
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { created: [], updated: [], unchanged: [], linked: [], unresolved: [], failed: [] }
  const lookups = await loadLookups(payload)
  await ensureCategoriesAndProviders(payload, documents, lookups)

  const pendingBySlug = new Map<string, string[]>()
  for (const [position, document] of documents.entries()) {
    try {
      const { outcome, pending } = await upsertTerm(payload, document, options.status, lookups)
      report[outcome].push(document.slug)
      pendingBySlug.set(document.slug, pending)
    } catch (error) {
      report.failed.push({ slug: document.slug, message: error instanceof Error ? error.message : String(error) })
    }
    options.onProgress?.(position + 1, documents.length, document.slug)
  }

  const documentsBySlug = new Map(documents.map((document) => [document.slug, document]))
  const linked = await resolveWaitingLinks(payload, documentsBySlug, lookups)
  const batchSlugs = new Set(documents.map((document) => document.slug))
  report.linked = linked.filter((slug) => !report.created.includes(slug) && !report.updated.includes(slug))
  for (const slug of linked) {
    if (report.unchanged.includes(slug) && batchSlugs.has(slug)) {
      report.unchanged = report.unchanged.filter((other) => other !== slug)
      report.updated.push(slug)
      report.linked = report.linked.filter((other) => other !== slug)
    }
  }

  for (const [slug, names] of pendingBySlug) {
    const stillUnresolved = names.filter((name) => !lookups.terms.resolve(name))
    if (stillUnresolved.length > 0) report.unresolved.push({ slug, names: stillUnresolved })
  }
  return report
}

