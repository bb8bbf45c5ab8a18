// What the search-as-you-type endpoint sends for each hit, and what the header combobox renders.
import type { TextRange } from './highlight'
import type { TermSearchHit } from './search-terms'
import { SEARCH_FIELD_LABELS, type SearchField } from './term-search-index'

export type SearchSuggestion = {
  slug: string
  title: string
  titleRanges: TextRange[]
  category: string | null
  matchedField: SearchField
  matchedFieldLabel: string
  snippet: string
  snippetRanges: TextRange[]
}

export type SearchSuggestionsResponse = { query: string; suggestions: SearchSuggestion[] }

export function toSearchSuggestion(hit: TermSearchHit): SearchSuggestion {
  return {
    slug: hit.slug,
    title: hit.title.text,
    titleRanges: hit.title.ranges,
    category: hit.category?.name ?? null,
    matchedField: hit.matchedField,
    matchedFieldLabel: SEARCH_FIELD_LABELS[hit.matchedField],
    snippet: hit.snippet.text,
    snippetRanges: hit.snippet.ranges,
  }
}
