// The published terms the directory holds: the search index keeps one entry per term (without its long
// text) and the auto-link names point at the same entry; every change goes through `set` or `delete`,
// which update both for that one term.
import { TermNameIndex } from '@/site-data/auto-link'
import { TermSearchIndex, type TermTexts } from '@/search/term-search-index'

import type { DirectoryCategory, DirectoryEntry, DirectoryProvider, DirectoryTerm } from './directory-term'

export class DirectoryContents {
  readonly search: TermSearchIndex<DirectoryEntry>
  readonly names = new TermNameIndex()
  // One object per category and provider, shared by its terms, rather than one per term (100,000 terms).
  private readonly categories = new Map<string, DirectoryCategory>()
  private readonly providers = new Map<string, DirectoryProvider>()

  constructor(texts?: TermTexts) {
    this.search = new TermSearchIndex<DirectoryEntry>(texts)
  }

  get size(): number {
    return this.search.size
  }

  get(id: string): DirectoryEntry | undefined {
    return this.search.get(id)
  }

  ids(): string[] {
    return this.idsWhere(() => true)
  }

  /** Adds or replaces a term. */
  set(term: DirectoryTerm): void {
    const entry = this.search.set(this.shareReferences(term))
    this.names.set(entry)
  }

  delete(id: string): boolean {
    if (!this.search.get(id)) return false
    this.search.delete(id)
    this.names.delete(id)
    return true
  }

  /** Terms that show one of these FAQs. */
  idsShowingFaqs(faqIds: ReadonlySet<string>): string[] {
    return this.idsWhere((entry) => entry.faqIds.some((id) => faqIds.has(id)))
  }

  /** Terms that list a service of this provider. */
  idsWithProvider(providerId: string): string[] {
    return this.idsWhere((entry) => entry.providerEquivalents.some((row) => row.provider.id === providerId))
  }

  /** Shows a category's new name and slug on its terms, or none when it is gone or not public. */
  updateCategory(id: string, category: DirectoryCategory | null): void {
    const shared = category && this.share(this.categories, category, (a, b) => a.name === b.name && a.slug === b.slug)
    for (const termId of this.idsWhere((entry) => entry.category?.id === id)) {
      this.replaceEntry({ ...this.search.get(termId)!, category: shared })
    }
  }

  /**
   * Shows a provider's new name on its terms. A provider the public can no longer read takes service
   * names out of what search indexes, so its terms are read again instead (see applyChanges).
   */
  renameProvider(provider: DirectoryProvider): void {
    const shared = this.share(this.providers, provider, (a, b) => a.name === b.name)
    for (const termId of this.idsWithProvider(provider.id)) {
      const entry = this.search.get(termId)!
      const providerEquivalents = entry.providerEquivalents.map((row) =>
        row.provider.id === provider.id ? { ...row, provider: shared } : row,
      )
      this.replaceEntry({ ...entry, providerEquivalents })
    }
  }

  private replaceEntry(entry: DirectoryEntry): void {
    this.search.replaceEntry(entry)
    this.names.set(entry)
  }

  private idsWhere(test: (entry: DirectoryEntry) => boolean): string[] {
    const ids: string[] = []
    for (const entry of this.search.entries()) if (test(entry)) ids.push(entry.id)
    return ids
  }

  private shareReferences(term: DirectoryTerm): DirectoryTerm {
    const category =
      term.category && this.share(this.categories, term.category, (a, b) => a.name === b.name && a.slug === b.slug)
    const providerEquivalents = term.providerEquivalents.map((row) => ({
      ...row,
      provider: this.share(this.providers, row.provider, (a, b) => a.name === b.name),
    }))
    return { ...term, category, providerEquivalents }
  }

  private share<T extends { id: string }>(known: Map<string, T>, value: T, same: (a: T, b: T) => boolean): T {
    const existing = known.get(value.id)
    if (existing && same(existing, value)) return existing
    known.set(value.id, value)
    return value
  }
}
