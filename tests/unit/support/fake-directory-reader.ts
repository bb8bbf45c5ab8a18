// An in-memory glossary and content-changes log behind the DirectoryReader interface, recording what the
// directory asked for, so tests see exactly which terms it read again after a change.
import type { SearchText } from '@/search/term-search-index'
import type { ChangeCursor, ChangeRead } from '@/site-cache/change-log'
import type { DirectoryReader } from '@/site-data/directory-sync'
import type { DirectoryCategory, DirectoryProvider, DirectoryTerm } from '@/site-data/directory-term'

export function directoryTerm(id: string, fields: Partial<DirectoryTerm> = {}): DirectoryTerm {
  const title = fields.title ?? `Term ${id}`
  return {
    id,
    title,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    definition: `${title} is a placeholder definition.`,
    summary: `${title} in short.`,
    aliases: [],
    category: null,
    providerEquivalents: [],
    faqs: [],
    ...fields,
    faqIds: fields.faqIds ?? (fields.faqs ?? []).map((faq) => faq.id),
  }
}

export class FakeDirectoryReader implements DirectoryReader {
  readonly published = new Map<string, DirectoryTerm>()
  readonly categories = new Map<string, DirectoryCategory>()
  readonly providers = new Map<string, DirectoryProvider>()
  /** Ids of the terms that hold each FAQ (in the database, whether or not the FAQ is public). */
  readonly faqHolders = new Map<string, string[]>()
  private readonly log: string[][] = []
  /** Rows per read above which the log reports an overflow. */
  overflowAbove = Number.POSITIVE_INFINITY
  /** Every readTerms call, and how many times the list of published ids was read. */
  readonly termReads: string[][] = []
  /** Every readTermTexts call (search reading the text of the hits it shows). */
  readonly textReads: string[][] = []
  idListsRead = 0
  changeReads = 0
  failNextChangeRead = false
  /** When set, reading the list of published ids waits for it. */
  pageGate: Promise<void> | null = null

  constructor(terms: DirectoryTerm[] = []) {
    for (const term of terms) this.published.set(term.id, term)
  }

  /** Records one change in the log, naming `tags`. */
  record(...tags: string[]): void {
    this.log.push(tags)
  }

  async readChanges(cursor: ChangeCursor | null): Promise<ChangeRead> {
    this.changeReads += 1
    if (this.failNextChangeRead) {
      this.failNextChangeRead = false
      throw new Error('database is away')
    }
    const next: ChangeCursor = {
      watermark: String(this.log.length),
      readAt: new Date(0).toISOString(),
      seen: new Map(),
    }
    if (!cursor) return { kind: 'start', cursor: next }
    const rows = this.log.slice(Number(cursor.watermark))
    if (rows.length > this.overflowAbove) return { kind: 'overflow', cursor: next, rows: rows.length }
    return { kind: 'changes', cursor: next, tags: [...new Set(rows.flat())], rows: rows.length }
  }

  async readPublishedTermIds(): Promise<string[]> {
    if (this.pageGate) await this.pageGate
    this.idListsRead += 1
    return [...this.published.keys()]
  }

  async readTerms(ids: readonly string[]): Promise<DirectoryTerm[]> {
    this.termReads.push([...ids])
    return ids.flatMap((id) => (this.published.has(id) ? [this.published.get(id)!] : []))
  }

  async readTermTexts(ids: readonly string[], withFaqs: ReadonlySet<string>): Promise<ReadonlyMap<string, SearchText>> {
    this.textReads.push([...ids])
    return new Map(
      ids.flatMap((id) => {
        const term = this.published.get(id)
        return term ? [[id, { definition: term.definition, faqs: withFaqs.has(id) ? term.faqs : [] }] as const] : []
      }),
    )
  }

  async findTermIdsShowingFaqs(faqIds: readonly string[]): Promise<string[]> {
    return faqIds.flatMap((id) => (this.faqHolders.get(id) ?? []).filter((termId) => this.published.has(termId)))
  }

  async readCategories(ids: readonly string[]): Promise<DirectoryCategory[]> {
    return ids.flatMap((id) => (this.categories.has(id) ? [this.categories.get(id)!] : []))
  }

  async readProviders(ids: readonly string[]): Promise<DirectoryProvider[]> {
    return ids.flatMap((id) => (this.providers.has(id) ? [this.providers.get(id)!] : []))
  }
}
