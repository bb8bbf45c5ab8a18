// The header search's suggestions as the reader types: asked for once typing pauses, with a request made
// stale by newer text aborted or ignored, and a sentence for screen readers saying what came back.
import { useEffect, useRef, useState } from 'react'

import type { SearchSuggestion, SearchSuggestionsResponse } from '@/search/search-suggestion'

// Long enough to skip most intermediate keystrokes, short enough to feel immediate.
const SUGGEST_DELAY_MS = 120

function resultCountMessage(count: number, query: string): string {
  if (count === 0) return `No suggestions for “${query}”. Press Enter to search all terms.`
  return `${count} ${count === 1 ? 'suggestion' : 'suggestions'} available. Use the up and down arrow keys to choose one.`
}

export type SearchSuggestionsState = {
  query: string
  suggestions: SearchSuggestion[]
  announcement: string
  /** The reader's text changed: suggestions for it follow after a pause, or none for blank text. */
  changeQuery(text: string): void
  /** Empties the field and the suggestions, as after the reader chose one; a late answer is ignored. */
  clearQuery(): void
}

/** `onSuggestions` hears of every new list, including the empty one shown when text is blank or a request fails. */
export function useSearchSuggestions(
  onSuggestions: (suggestions: readonly SearchSuggestion[]) => void,
): SearchSuggestionsState {
  const [query, setQuery] = useState('')
  const [suggestions, setSuggestions] = useState<SearchSuggestion[]>([])
  const [announcement, setAnnouncement] = useState('')
  const latestQuery = useRef('')
  const pendingRequest = useRef<AbortController | null>(null)
  const delayTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(
    () => () => {
      pendingRequest.current?.abort()
      if (delayTimer.current) clearTimeout(delayTimer.current)
    },
    [],
  )

  function showSuggestions(list: SearchSuggestion[]) {
    setSuggestions(list)
    onSuggestions(list)
  }

  async function loadSuggestions(text: string) {
    pendingRequest.current?.abort()
    const controller = new AbortController()
    pendingRequest.current = controller
    try {
      const response = await fetch(`/search/suggest?q=${encodeURIComponent(text)}`, { signal: controller.signal })
      if (!response.ok) throw new Error(`suggest answered ${response.status}`)
      const body = (await response.json()) as SearchSuggestionsResponse
      if (latestQuery.current !== text) return
      showSuggestions(body.suggestions)
      setAnnouncement(resultCountMessage(body.suggestions.length, text))
    } catch (error) {
      if (controller.signal.aborted) return
      console.error(error)
      showSuggestions([])
      setAnnouncement('Suggestions are unavailable. Press Enter to search all terms.')
    }
  }

  function changeQuery(text: string) {
    setQuery(text)
    const trimmed = text.trim()
    latestQuery.current = trimmed
    if (delayTimer.current) clearTimeout(delayTimer.current)
    if (!trimmed) {
      pendingRequest.current?.abort()
      showSuggestions([])
      setAnnouncement('')
      return
    }
    delayTimer.current = setTimeout(() => void loadSuggestions(trimmed), SUGGEST_DELAY_MS)
  }

  function clearQuery() {
    setQuery('')
    setSuggestions([])
    setAnnouncement('')
    latestQuery.current = ''
  }

  return { query, suggestions, announcement, changeQuery, clearQuery }
}
