// Upserts parsed seed-format entries into Payload, batch after batch, idempotently (matched by slug).
// Entries are written in shared transactions while each term stays all-or-nothing (write-atomically);
// names that match no term yet wait on the term and are linked, in the written order, at the end.
// Memory holds one batch of entries plus the names of all terms, never documents of earlier batches.
import type { Payload } from 'payload'

import type { TermDocument } from '@/content-format/types'

import { bulkInsertFor, type BulkInsert } from '@/db/bulk-insert'

import { completeNewTermLinks, NewTermsAwaitingLinks } from './complete-new-term-links'
import { createNewTerms } from './create-new-terms'
import { ENTRY_BATCH_SIZE } from './entry-reader'
import { loadExistingTerms, type ExistingTerm } from './existing-terms'
import { ensureCategoriesAndProviders, loadLookups, type Lookups } from './import-lookups'
import { ImportReportBuilder, type ImportReport, type ImportStatus } from './import-report'
import { OwnedStrings } from './own-copy'
import { relinkWaitingTerms } from './relink-waiting-terms'
import { StagedTermNames } from './staged-term-names'
import { upsertTerm } from './upsert-term'
import { writeEachAtomically, type AtomicWriteOptions } from './write-atomically'

export { countChanges, type ImportReport, type ImportStatus } from './import-report'

export type ImportOptions = {
  status: ImportStatus
  /** Called after each entry is written (or failed), with how many have been so far. */
  onProgress?: (done: number, slug: string) => void
  /** Stops the import once the terms being written are stored (new terms go in batches); the report lists the rest. */
  signal?: AbortSignal
  /**
   * How new entries are stored: in bulk (the default: the adapter's bulk path), or with null through Payload's
   * create each.
   */
  bulkInsert?: BulkInsert | null
}

/** A transaction holds SQLite's write lock: other writers wait at most about this long. */
const TRANSACTION_LIMITS = { maxItems: 100, maxMillis: 1000 }

type Run = {
  payload: Payload
  lookups: Lookups
  report: ImportReportBuilder
  options: ImportOptions
  done: number
  /** The bulk write path for new entries; null writes every entry one by one. */
  bulk: BulkInsert | null
  /** New terms written with names that matched no term yet: their links are completed at the end. */
  awaitingLinks: NewTermsAwaitingLinks
}

const stopReason = (signal: AbortSignal | undefined) => String(signal?.reason ?? 'a signal')

/** New entries (slugs no term has, each once in the batch) go through the bulk create; the rest one by one. */
function splitNew(documents: TermDocument[], existing: Map<string, unknown>) {
  const fresh: TermDocument[] = []
  const others: TermDocument[] = []
  const seen = new Set<string>()
  for (const document of documents) {
    const isNew = !existing.has(document.slug) && !seen.has(document.slug)
    seen.add(document.slug)
    ;(isNew ? fresh : others).push(document)
  }
  return { fresh, others }
}

/** Returns the entries the bulk create did not take (all of them when storing failed). */
async function createNewInBulk(run: Run, documents: TermDocument[]): Promise<TermDocument[]> {
  const { payload, lookups, report, options, bulk } = run
  if (documents.length === 0 || !bulk || options.signal?.aborted) return documents
  const result = await createNewTerms(
    { payload, bulk, status: options.status, lookups, names: lookups.terms },
    documents,
  )
  if (!result.stored) return documents
  for (const { document, term } of result.created) {
    lookups.terms.add(term.names)
    run.awaitingLinks.add({ id: term.names.id, waitingNames: term.waitingNames })
    report.written(document.slug, term.outcome, term.waitingNames)
    options.onProgress?.((run.done += 1), document.slug)
  }
  for (const { document, error } of result.invalid) {
    report.failedToWrite(document.slug, error)
    options.onProgress?.((run.done += 1), document.slug)
  }
  return []
}

/** Writes the entries one by one in shared transactions; returns how many were handled before a stop. */
function writeOneByOne(run: Run, documents: TermDocument[], existing: Map<string, ExistingTerm>): Promise<number> {
  const { payload, lookups, report, options } = run
  const names = new StagedTermNames(lookups.terms)
  const progress = (slug: string) => options.onProgress?.((run.done += 1), slug)
  return writeEachAtomically(
    payload,
    documents,
    {
      write: async (document, req) => {
        const context = { payload, req, status: options.status, lookups, names }
        const written = await upsertTerm(context, document, existing.get(document.slug) ?? null)
        names.add(written.names)
        return written
      },
      committed: (written) => {
        names.commit()
        for (const { item, result } of written) {
          report.written(item.slug, result.outcome, result.waitingNames)
          progress(item.slug)
        }
      },
      rolledBack: () => names.discard(),
      failed: (document, error) => {
        report.failedToWrite(document.slug, error)
        progress(document.slug)
      },
    },
    { ...TRANSACTION_LIMITS, signal: options.signal },
  )
}

async function importBatch(run: Run, documents: TermDocument[]): Promise<void> {
  const { payload, lookups, report, options } = run
  await ensureCategoriesAndProviders(payload, documents, lookups)
  const existing = await loadExistingTerms(
    payload,
    documents.map((document) => document.slug),
  )
  const split = splitNew(documents, existing)
  const leftToWrite = [...(await createNewInBulk(run, split.fresh)), ...split.others]
  const handled = await writeOneByOne(run, leftToWrite, existing)
  if (handled < leftToWrite.length) {
    report.stopped(
      stopReason(options.signal),
      leftToWrite.slice(handled).map((document) => document.slug),
    )
  }
}

/** Imports entries as they arrive, batch by batch; stops between two terms once `options.signal` aborts. */
export async function importTermBatches(
  payload: Payload,
  batches: AsyncIterable<TermDocument[]> | Iterable<TermDocument[]>,
  options: ImportOptions,
): Promise<ImportReport> {
  // One copy of each name the run keeps, shared by the name lookups, the links to complete and the report.
  const strings = new OwnedStrings()
  const lookups = await loadLookups(payload, strings)
  const bulk = options.bulkInsert === undefined ? bulkInsertFor(payload) : options.bulkInsert
  const run: Run = {
    payload,
    lookups,
    report: new ImportReportBuilder(strings),
    options,
    done: 0,
    bulk,
    awaitingLinks: new NewTermsAwaitingLinks(strings),
  }
  for await (const documents of batches) {
    await importBatch(run, documents)
    if (options.signal?.aborted) break
  }
  if (!options.signal?.aborted && bulk) {
    await completeNewTermLinks(payload, bulk, run.awaitingLinks, lookups.terms, run.report, options.signal)
  }
  const writeOptions: AtomicWriteOptions = { ...TRANSACTION_LIMITS, signal: options.signal }
  if (!options.signal?.aborted) await relinkWaitingTerms(payload, lookups.terms, run.report, writeOptions)
  return run.report.build(lookups.terms)
}

function* inBatches<T>(items: T[], size: number): Iterable<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size)
}

export function importTermDocuments(
  payload: Payload,
  documents: TermDocument[],
  options: ImportOptions,
): Promise<ImportReport> {
  return importTermBatches(payload, inBatches(documents, ENTRY_BATCH_SIZE), options)
}
