// The published terms the directory holds, with the search index and the auto-link names kept in step:
// every change goes through `set` or `delete`, which update all three for that one term.
import { TermNameIndex } from '@/lib/auto-link'
import { TermSearchIndex } from '@/lib/search/term-search-index'

import { sameDirectoryTerm, type DirectoryCategory, type DirectoryProvider, type DirectoryTerm } from './directory-term'

export class DirectoryContents {
  private readonly terms = new Map<string, DirectoryTerm>()
  readonly search = new TermSearchIndex()
  readonly names = new TermNameIndex()
  // One object per category and provider, shared by its terms, rather than one per term (100,000 terms).
  private readonly categories = new Map<string, DirectoryCategory>()
  private readonly providers = new Map<string, DirectoryProvider>()

  get size(): number {
    return this.terms.size
  }

  get(id: string): DirectoryTerm | undefined {
    return this.terms.get(id)
  }

  ids(): string[] {
    return [...this.terms.keys()]
  }

  /** Adds or replaces a term; returns whether anything search or linking reads changed. */
  set(term: DirectoryTerm): boolean {
    const previous = this.terms.get(term.id)
    if (previous && sameDirectoryTerm(previous, term)) return false
    const shared = this.shareReferences(term)
    this.terms.set(shared.id, shared)
    this.search.set(shared)
    this.names.set(shared)
    return true
  }

  delete(id: string): boolean {
    if (!this.terms.delete(id)) return false
    this.search.delete(id)
    this.names.delete(id)
    return true
  }

  /** Terms that show one of these FAQs. */
  idsShowingFaqs(faqIds: ReadonlySet<string>): string[] {
    return this.idsWhere((term) => term.faqs.some((faq) => faqIds.has(faq.id)))
  }

  /** Shows a category's new name and slug on its terms, or none when it is gone or not public. */
  updateCategory(id: string, category: DirectoryCategory | null): void {
    for (const termId of this.idsWhere((term) => term.category?.id === id)) {
      this.set({ ...this.terms.get(termId)!, category })
    }
  }

  /** Shows a provider's new name on its terms' services, or drops those rows when it is gone. */
  updateProvider(id: string, provider: DirectoryProvider | null): void {
    for (const termId of this.idsWhere((term) => term.providerEquivalents.some((row) => row.provider.id === id))) {
      const term = this.terms.get(termId)!
      const providerEquivalents = term.providerEquivalents.flatMap((row) =>
        row.provider.id !== id ? [row] : provider ? [{ ...row, provider }] : [],
      )
      this.set({ ...term, providerEquivalents })
    }
  }

  private idsWhere(test: (term: DirectoryTerm) => boolean): string[] {
    const ids: string[] = []
    for (const term of this.terms.values()) if (test(term)) ids.push(term.id)
    return ids
  }

  private shareReferences(term: DirectoryTerm): DirectoryTerm {
    const category = term.category && this.share(this.categories, term.category, (a, b) => a.name === b.name && a.slug === b.slug)
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
