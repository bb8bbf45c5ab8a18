'use client'

// The header search: a form that submits to /search (so it works without JavaScript), enhanced once
// hydrated into a WAI-ARIA 1.2 combobox with a listbox popup of suggestions as the reader types.
import { useRouter } from 'next/navigation'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'

import type { SearchSuggestion, SearchSuggestionsResponse } from '@/lib/search/search-suggestion'
import { MAX_SEARCH_QUERY_LENGTH } from '@/lib/search/search-text'
import { termPath } from '@/lib/site-routes'

import { HighlightedText } from './highlighted-text'

// Long enough to skip most intermediate keystrokes, short enough to feel immediate.
const SUGGEST_DELAY_MS = 120

function resultCountMessage(count: number, query: string): string {
  if (count === 0) return `No suggestions for “${query}”. Press Enter to search all terms.`
  return `${count} ${count === 1 ? 'suggestion' : 'suggestions'} available. Use the up and down arrow keys to choose one.`
}

export function SearchBox({
  label = 'Site search',
}: { /** Names the search landmark; each search form on a page needs its own. */ label?: string } = {}) {
  const router = useRouter()
  const id = useId()
  const inputId = `${id}-input`
  const listboxId = `${id}-listbox`
  const optionId = (position: number) => `${id}-option-${position}`

  const [enhanced, setEnhanced] = useState(false)
  const [query, setQuery] = useState('')
  const [suggestions, setSuggestions] = useState<SearchSuggestion[]>([])
  const [open, setOpen] = useState(false)
  const [activeIndex, setActiveIndex] = useState(-1)
  const [announcement, setAnnouncement] = useState('')
  const latestQuery = useRef('')
  const pendingRequest = useRef<AbortController | null>(null)
  const delayTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // Combobox semantics only once the script can honour them; before that it is a plain search field.
  useEffect(() => setEnhanced(true), [])

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' })
  }, [id, activeIndex])

  useEffect(
    () => () => {
      pendingRequest.current?.abort()
      if (delayTimer.current) clearTimeout(delayTimer.current)
    },
    [],
  )

  function close() {
    setOpen(false)
    setActiveIndex(-1)
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
      setSuggestions(body.suggestions)
      setActiveIndex(-1)
      setOpen(body.suggestions.length > 0)
      setAnnouncement(resultCountMessage(body.suggestions.length, text))
    } catch (error) {
      if (controller.signal.aborted) return
      console.error(error)
      setSuggestions([])
      close()
      setAnnouncement('Suggestions are unavailable. Press Enter to search all terms.')
    }
  }

  function onQueryChange(text: string) {
    setQuery(text)
    const trimmed = text.trim()
    latestQuery.current = trimmed
    if (delayTimer.current) clearTimeout(delayTimer.current)
    if (!trimmed) {
      pendingRequest.current?.abort()
      setSuggestions([])
      close()
      setAnnouncement('')
      return
    }
    delayTimer.current = setTimeout(() => void loadSuggestions(trimmed), SUGGEST_DELAY_MS)
  }

  function goToSuggestion(suggestion: SearchSuggestion) {
    close()
    setQuery('')
    setSuggestions([])
    setAnnouncement('')
    latestQuery.current = ''
    router.push(termPath(suggestion.slug))
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return
        event.preventDefault()
        if (!open) {
          setOpen(true)
          setActiveIndex(event.altKey ? -1 : 0)
        } else {
          setActiveIndex((activeIndex + 1) % count)
        }
        return
      case 'ArrowUp':
        if (count === 0) return
        event.preventDefault()
        setOpen(true)
        setActiveIndex(!open || activeIndex <= 0 ? count - 1 : activeIndex - 1)
        return
      case 'Home':
      case 'End':
        // Without an active option these keys move the text cursor, as in any text field.
        if (!open || activeIndex < 0) return
        event.preventDefault()
        setActiveIndex(event.key === 'Home' ? 0 : count - 1)
        return
      case 'Enter': {
        const active = open ? suggestions[activeIndex] : undefined
        if (!active) return // the form submits to /search
        event.preventDefault()
        goToSuggestion(active)
        return
      }
      case 'Escape':
        event.preventDefault()
        if (open) close()
        else onQueryChange('')
        return
    }
  }

  const activeSuggestion = open && activeIndex >= 0 ? suggestions[activeIndex] : undefined

  return (
    <form action="/search" method="get" role="search" aria-label={label} className="relative w-full">
      <label htmlFor={inputId} className="sr-only">
        Search terms
      </label>
      <input
        id={inputId}
        name="q"
        type="text"
        enterKeyHint="search"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={close}
        maxLength={MAX_SEARCH_QUERY_LENGTH}
        placeholder="Search terms, services…"
        autoComplete="off"
        spellCheck={false}
        className="h-10 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink placeholder:text-muted"
        {...(enhanced
          ? {
              role: 'combobox',
              'aria-autocomplete': 'list' as const,
              'aria-expanded': open,
              'aria-controls': listboxId,
              'aria-activedescendant': activeSuggestion ? optionId(activeIndex) : undefined,
            }
          : {})}
      />
      {enhanced ? (
        <>
          <ul
            id={listboxId}
            role="listbox"
            aria-label="Search suggestions"
            hidden={!open}
            className="absolute top-full left-0 z-40 mt-1 max-h-[70vh] w-full overflow-y-auto rounded-lg border border-line bg-surface py-1 shadow-lg sm:right-0 sm:left-auto sm:w-[min(28rem,calc(100vw-2rem))]"
          >
            {suggestions.map((suggestion, position) => (
              <li
                key={suggestion.slug}
                id={optionId(position)}
                role="option"
                aria-selected={position === activeIndex}
                // Keeps focus in the field, so the popup does not close before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => goToSuggestion(suggestion)}
                onMouseMove={() => position !== activeIndex && setActiveIndex(position)}
                className={`cursor-pointer px-3 py-2 ${position === activeIndex ? 'bg-sunken' : ''}`}
              >
                <span className="block font-semibold text-ink">
                  <HighlightedText text={suggestion.title} ranges={suggestion.titleRanges} />
                </span>
                <span className="block text-sm text-muted">
                  {suggestion.category ? `${suggestion.category} · ` : ''}
                  Matched in {suggestion.matchedFieldLabel}
                </span>
                <span className="block text-sm text-ink">
                  <HighlightedText text={suggestion.snippet} ranges={suggestion.snippetRanges} />
                </span>
              </li>
            ))}
          </ul>
          <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
            {announcement}
          </div>
        </>
      ) : null}
    </form>
  )
}
