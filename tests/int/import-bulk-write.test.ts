// The import's bulk write path stores exactly what Payload's create and update store: the same glossary
// imported three times under three title prefixes (bulk path of the adapter, the adapter-neutral
// document-by-document path, Payload's create one entry at a time) leaves the same documents, versions,
// audit entries and change-log rows, ids and dates aside. Batches of 7 entries make most related names
// arrive in a later batch, so the links completed at the end are compared too.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { generatedEntry } from '../../bench/generated-glossary'
import { slugify } from '@/content-format/slugify'
import type { TermDocument } from '@/content-format/types'
import { importTermBatches, type ImportOptions } from '@/content-transfer/import-terms'
import { bulkInsertFor, DocumentByDocumentInsert, SqliteBulkInsert } from '@/db/bulk-insert'

import { getTestPayload } from './support/harness'

const ENTRIES = 24
const BATCH = 7

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

/** The generated glossary with every title (and so every name and slug) prefixed. */
function glossary(prefix: string, status: 'draft' | 'published'): TermDocument[] {
  const rename = (name: string) => `${prefix} ${name}`
  return Array.from({ length: ENTRIES }, (_, index) => {
    const entry = generatedEntry(index, ENTRIES, status === 'draft' ? 2 : 1)
    const title = rename(entry.title)
    return {
      ...entry,
      title,
      slug: slugify(title),
      relatedTerms: entry.relatedTerms.map(rename),
      seeAlso: [...entry.seeAlso.map(rename), 'A Name Nobody Has'],
    }
  })
}

function* batches(documents: TermDocument[]) {
  for (let start = 0; start < documents.length; start += BATCH) yield documents.slice(start, start + BATCH)
}

type Doc = Record<string, unknown>

/** Replaces ids by what they name and drops dates, array-row ids and the prefix, so two imports compare. */
class Normalizer {
  private readonly names = new Map<string, string>()

  constructor(private readonly prefix: string) {}

  name(id: unknown, as: string) {
    this.names.set(String(id), as)
  }

  text(value: string): string {
    return value
      .split(`${this.prefix} `)
      .join('')
      .split(`${slugify(this.prefix)}-`)
      .join('')
  }

  value(value: unknown, key = ''): unknown {
    if (Array.isArray(value)) return value.map((item) => this.value(item))
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Doc)
          .filter(
            ([field]) => !['createdAt', 'updatedAt', 'firstPublishedAt', 'id', 'ip'].includes(field) || key === 'keep',
          )
          .map(([field, inner]) => [field, this.value(inner, field)]),
      )
    }
    if (typeof value === 'string') return this.names.get(value) ?? this.text(value)
    return value
  }
}

type Snapshot = { terms: unknown[]; versions: unknown[][]; children: unknown[]; audit: unknown[]; changes: unknown[] }

async function snapshot(prefix: string, status: 'draft' | 'published'): Promise<Snapshot> {
  const normalizer = new Normalizer(prefix)
  const { docs: terms } = await payload.find({
    collection: 'terms',
    where: { slug: { like: `${slugify(prefix)}-` } },
    draft: true,
    depth: 0,
    pagination: false,
    sort: 'slug',
  })
  expect(terms).toHaveLength(ENTRIES)
  const childIds: { collection: 'use-cases' | 'faqs'; id: string }[] = []
  for (const term of terms) {
    normalizer.name(term.id, `term:${normalizer.text(term.slug)}`)
    ;(term.useCases ?? []).forEach((id, index) => {
      normalizer.name(id, `use-case:${normalizer.text(term.slug)}/${index}`)
      childIds.push({ collection: 'use-cases', id: String(id) })
    })
    ;(term.faqs ?? []).forEach((id, index) => {
      normalizer.name(id, `faq:${normalizer.text(term.slug)}/${index}`)
      childIds.push({ collection: 'faqs', id: String(id) })
    })
  }
  const ids = [...terms.map((term) => String(term.id)), ...childIds.map(({ id }) => id)]
  const live = status === 'published'
  const versions: unknown[][] = []
  for (const term of terms) {
    const found = await payload.findVersions({
      collection: 'terms',
      where: { parent: { equals: term.id } },
      depth: 0,
      sort: 'createdAt',
      pagination: false,
    })
    versions.push(found.docs.map((version) => ({ latest: version.latest, version: normalizer.value(version.version) })))
  }
  const children = []
  for (const { collection, id } of childIds) {
    const stored = await payload.findByID({ collection, id, draft: true, depth: 0 })
    const found = await payload.findVersions({
      collection,
      where: { parent: { equals: id } },
      depth: 0,
      pagination: false,
    })
    children.push({
      stored: normalizer.value(stored),
      versions: found.docs.map((version) => normalizer.value(version.version)),
    })
  }
  const audit = await payload.find({
    collection: 'audit-log',
    where: { targetId: { in: ids } },
    depth: 0,
    pagination: false,
    sort: 'targetId',
  })
  const changes = await payload.find({
    collection: 'content-changes',
    where: { documentId: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const sortedJson = (values: unknown[]) => values.map((value) => JSON.stringify(value)).sort()
  return {
    terms: terms.map((term) => normalizer.value(live ? term : { ...term })),
    versions,
    children,
    audit: sortedJson(
      audit.docs.map(
        ({ action, actorType, actorLabel, targetCollection, targetId, targetTitle, changedFields, note }) =>
          normalizer.value({
            action,
            actorType,
            actorLabel,
            targetCollection,
            targetId,
            targetTitle,
            changedFields,
            note: note ?? null,
          }),
      ),
    ),
    changes: sortedJson(
      changes.docs.map(({ sourceCollection, documentId, tags }) => ({
        sourceCollection,
        documentId: normalizer.value(documentId),
        tags: String(tags)
          .split(' ')
          .map((tag) => normalizer.value(tag.replace(/^[^:]+:/, '')))
          .sort(),
      })),
    ),
  }
}

async function importAs(prefix: string, status: 'draft' | 'published', bulkInsert: ImportOptions['bulkInsert']) {
  const report = await importTermBatches(payload, batches(glossary(prefix, status)), { status, bulkInsert })
  expect(report.failed).toEqual([])
  expect(report.created).toHaveLength(ENTRIES)
  return { report, stored: await snapshot(prefix, status) }
}

describe.each(['published', 'draft'] as const)('an import as %s through the bulk path', (status) => {
  let oneByOne: Awaited<ReturnType<typeof importAs>>

  beforeAll(async () => {
    oneByOne = await importAs(`${status} single`, status, null)
  }, 120_000)

  it('stores what Payload stores one entry at a time (SQLite bulk statements)', async () => {
    expect(bulkInsertFor(payload)).toBeInstanceOf(SqliteBulkInsert)
    const bulk = await importAs(`${status} bulk`, status, undefined)
    expect(bulk.stored.terms).toEqual(oneByOne.stored.terms)
    expect(bulk.stored.children).toEqual(oneByOne.stored.children)
    expect(bulk.stored.versions.map((versions) => versions.at(-1))).toEqual(
      oneByOne.stored.versions.map((versions) => versions.at(-1)),
    )
    // Links completed at the end amend the term's one version (one by one, Payload adds a second), and
    // their audit entry says so; otherwise the log and the change log say the same.
    expect(bulk.stored.versions.map((versions) => versions.length)).toEqual(bulk.stored.versions.map(() => 1))
    const completed = oneByOne.stored.versions.filter((versions) => versions.length === 2).length
    expect(completed).toBeGreaterThan(ENTRIES / 2)
    const withoutNote = (entries: unknown[]) =>
      entries.map((entry) => (entry as string).replace(/"note":"Linked[^"]*"/, '"note":null'))
    expect(withoutNote(bulk.stored.audit)).toEqual(oneByOne.stored.audit)
    expect(bulk.stored.audit.filter((entry) => (entry as string).includes('"note":"Linked'))).toHaveLength(completed)
    expect(bulk.stored.changes).toEqual(oneByOne.stored.changes)
    expect(bulk.report.unresolved).toEqual(
      oneByOne.report.unresolved.map((entry) => ({ ...entry, slug: entry.slug.replace('single', 'bulk') })),
    )
  }, 120_000)

  it('stores the same through the adapter-neutral path that MongoDB uses', async () => {
    const neutral = await importAs(`${status} neutral`, status, new DocumentByDocumentInsert(payload))
    expect(neutral.stored.terms).toEqual(oneByOne.stored.terms)
    expect(neutral.stored.children).toEqual(oneByOne.stored.children)
    expect(neutral.stored.versions.map((versions) => versions.at(-1))).toEqual(
      oneByOne.stored.versions.map((versions) => versions.at(-1)),
    )
  }, 120_000)
})
