// Writes the use cases and FAQs of one term: the child at the same position is reused, and left alone
// when it already says the same thing with the status the import asks for.
import type { Payload, PayloadRequest } from 'payload'

import type { TermDocument } from '@/content-format/types'

import type { StoredFaq, StoredUseCase } from './existing-terms'
import type { ImportStatus } from './import-report'
import { plainTextToRichText, richTextToPlainText } from '../content-format/rich-text'

type Child = { id: string; _status?: 'draft' | 'published' | null }

export type SyncedChildren = { ids: string[]; changed: boolean }

async function syncChildren<Doc extends Child, Entry>(args: {
  existing: Doc[]
  entries: Entry[]
  same: (doc: Doc, entry: Entry) => boolean
  write: (entry: Entry, previous: Doc | undefined) => Promise<{ id: string }>
  status: ImportStatus
}): Promise<SyncedChildren> {
  const ids: string[] = []
  let changed = args.existing.length !== args.entries.length
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
  return { ids, changed }
}

const sameUseCase = (doc: StoredUseCase, entry: TermDocument['useCases'][number]) =>
  doc.organization === entry.organization &&
  doc.scenario === entry.scenario &&
  doc.solution === entry.solution &&
  (doc.outcome ?? null) === entry.outcome

const sameFaq = (doc: StoredFaq, entry: TermDocument['faqs'][number]) =>
  doc.question === entry.question && richTextToPlainText(doc.answer) === entry.answer

type ChildWrite = { payload: Payload; req: PayloadRequest; status: ImportStatus }

export const useCaseData = (entry: TermDocument['useCases'][number], status: ImportStatus) => ({
  ...entry,
  _status: status,
})

export const faqData = (entry: TermDocument['faqs'][number], status: ImportStatus) => ({
  question: entry.question,
  answer: plainTextToRichText(entry.answer),
  _status: status,
})

export function syncUseCases(
  { payload, req, status }: ChildWrite,
  existing: StoredUseCase[],
  entries: TermDocument['useCases'],
): Promise<SyncedChildren> {
  const draft = status === 'draft'
  return syncChildren({
    existing,
    entries,
    same: sameUseCase,
    status,
    write: (entry, previous) => {
      const data = useCaseData(entry, status)
      return previous
        ? payload.update({ collection: 'use-cases', id: previous.id, data, draft, req, depth: 0 })
        : payload.create({ collection: 'use-cases', data, draft, req, depth: 0 })
    },
  })
}

export function syncFaqs(
  { payload, req, status }: ChildWrite,
  existing: StoredFaq[],
  entries: TermDocument['faqs'],
): Promise<SyncedChildren> {
  const draft = status === 'draft'
  return syncChildren({
    existing,
    entries,
    same: sameFaq,
    status,
    write: (entry, previous) => {
      const data = faqData(entry, status)
      return previous
        ? payload.update({ collection: 'faqs', id: previous.id, data, draft, req, depth: 0 })
        : payload.create({ collection: 'faqs', data, draft, req, depth: 0 })
    },
  })
}
