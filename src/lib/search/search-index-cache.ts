// One search index per content snapshot. The snapshot object is replaced whenever published content
// changes, so keying by it rebuilds the index exactly then, and a dropped snapshot frees its index.
import { buildTermSearchIndex, type SearchableTerm, type TermSearchIndex } from './term-search-index'

export type IndexedContent = { readonly terms: readonly SearchableTerm[] }

export function createSearchIndexCache(): (content: IndexedContent) => TermSearchIndex {
  const indexes = new WeakMap<IndexedContent, TermSearchIndex>()
  return (content) => {
    let index = indexes.get(content)
    if (!index) {
      index = buildTermSearchIndex(content.terms)
      indexes.set(content, index)
    }
    return index
  }
}
