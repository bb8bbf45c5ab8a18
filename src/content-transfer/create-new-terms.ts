// The fast path of an import: entries whose slug matches no term yet are created together, in one
// transaction per batch, through the bulk create (./create-in-bulk.ts): each term with its use cases and
// FAQs is validated on its own and left out alone when invalid; the batch's rows are then stored in a few
// statements. If storing fails (a slug taken meanwhile by another writer, a database error), the
// transaction is rolled back and the caller writes those entries one by one, which names what failed.
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import type { TermDocument } from '@/content-format/types'
import type { BulkInsert } from '@/db/bulk-insert'
import { yieldToEventLoop } from '@/db/event-loop'

import { prepareCreate, storeCreated, type PreparedDocument } from './create-in-bulk'
import type { Lookups } from './import-lookups'
import type { ImportStatus } from './import-report'
import { faqData, useCaseData } from './sync-children'
import { termDataFor } from './term-data'
import { linksFromEntry, waitingNames, type TermNames } from './term-links'
import type { UpsertedTerm } from './upsert-term'

export type NewTermsContext = {
  payload: Payload
  bulk: BulkInsert
  status: ImportStatus
  lookups: Lookups
  /** Names of terms already stored: links to terms of the same batch wait, as links to later ones do. */
  names: TermNames
}

/** A term the batch created. */
export type CreatedTerm = { document: TermDocument; term: UpsertedTerm }

export type NewTermsResult =
  | { stored: true; created: CreatedTerm[]; invalid: { document: TermDocument; error: unknown }[] }
  | { stored: false; error: unknown }

async function prepareEntry(
  { payload, bulk, status, lookups, names }: NewTermsContext,
  req: PayloadRequest,
  document: TermDocument,
): Promise<{ documents: PreparedDocument[]; term: UpsertedTerm }> {
  const draft = status === 'draft'
  const prepare = (collection: 'terms' | 'use-cases' | 'faqs', data: Record<string, unknown>) =>
    prepareCreate(payload, req, collection, { id: bulk.newId(), data }, { draft })
  const useCases: PreparedDocument[] = []
  for (const entry of document.useCases) useCases.push(await prepare('use-cases', useCaseData(entry, status)))
  const faqs: PreparedDocument[] = []
  for (const entry of document.faqs) faqs.push(await prepare('faqs', faqData(entry, status)))
  const links = linksFromEntry(document, null, names)
  const data = termDataFor({
    document,
    stored: null,
    lookups,
    links,
    useCaseIds: useCases.map(({ id }) => id),
    faqIds: faqs.map(({ id }) => id),
    status,
  })
  const term = await prepare('terms', data)
  return {
    documents: [...useCases, ...faqs, term],
    term: {
      outcome: 'created',
      names: { id: term.id, slug: document.slug, title: document.title },
      waitingNames: waitingNames(links, names),
    },
  }
}

/** Creates `documents` (entries with new, distinct slugs) in one transaction. */
export async function createNewTerms(context: NewTermsContext, documents: TermDocument[]): Promise<NewTermsResult> {
  const { payload, bulk } = context
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const created: CreatedTerm[] = []
    const invalid: { document: TermDocument; error: unknown }[] = []
    const prepared: PreparedDocument[] = []
    for (const document of documents) {
      // libsql answers synchronously: without a turn of the event loop, signals wait and the native
      // finalizers of SQLite statements never run.
      await yieldToEventLoop()
      try {
        const entry = await prepareEntry(context, req, document)
        prepared.push(...entry.documents)
        created.push({ document, term: entry.term })
      } catch (error) {
        invalid.push({ document, error })
      }
    }
    // Children first: a term's rows point at its use cases and FAQs.
    const order = { 'use-cases': 0, faqs: 1, terms: 2 } as Record<string, number>
    prepared.sort((left, right) => order[left.collection]! - order[right.collection]!)
    await storeCreated(payload, req, bulk, prepared)
    await commitTransaction(req)
    return { stored: true, created, invalid }
  } catch (error) {
    await killTransaction(req)
    return { stored: false, error }
  }
}
