'use client'

// The header search: a form that submits to /search (so it works without JavaScript), enhanced once
// hydrated into a WAI-ARIA 1.2 combobox with a listbox popup of suggestions as the reader types.
import { useRouter } from 'next/navigation'
import { useEffect, useId, useState, type KeyboardEvent } from 'react'

import type { SearchSuggestion } from '@/search/search-suggestion'
import { MAX_SEARCH_QUERY_LENGTH } from '@/search/search-text'
import { termPath } from '@/routes/site-routes'

import { HighlightedText } from './highlighted-text'
import { useSearchSuggestions } from './use-search-suggestions'

/** The combobox state and actions the keyboard drives. */
type Combobox = {
  suggestions: readonly SearchSuggestion[]
  open: boolean
  activeIndex: number
  setOpen(open: boolean): void
  setActiveIndex(index: number): void
  close(): void
  changeQuery(text: string): void
  goToSuggestion(suggestion: SearchSuggestion): void
}

function handleComboboxKey(event: KeyboardEvent<HTMLInputElement>, combobox: Combobox) {
  const { suggestions, open, activeIndex, setOpen, setActiveIndex } = combobox
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
      combobox.goToSuggestion(active)
      return
    }
    case 'Escape':
      event.preventDefault()
      if (open) combobox.close()
      else combobox.changeQuery('')
      return
  }
}

/** The search field's WAI-ARIA 1.2 combobox attributes. */
function comboboxAttributes(listboxId: string, open: boolean, activeOptionId: string | undefined) {
  return {
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': listboxId,
    'aria-activedescendant': activeOptionId,
  }
}

function SuggestionOption({
  suggestion,
  id,
  active,
  onChoose,
  onPointAt,
}: {
  suggestion: SearchSuggestion
  id: string
  active: boolean
  onChoose: () => void
  onPointAt: () => void
}) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      // Keeps focus in the field, so the popup does not close before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
      onMouseMove={() => !active && onPointAt()}
      className={`cursor-pointer px-3 py-2 ${active ? 'bg-sunken' : ''}`}
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
  )
}

/** The listbox of suggestions and the live region announcing how many came back. */
function SuggestionPopup({
  listboxId,
  optionId,
  open,
  suggestions,
  activeIndex,
  announcement,
  onChoose,
  onPointAt,
}: {
  listboxId: string
  optionId: (position: number) => string
  open: boolean
  suggestions: readonly SearchSuggestion[]
  activeIndex: number
  announcement: string
  onChoose: (suggestion: SearchSuggestion) => void
  onPointAt: (position: number) => void
}) {
  return (
    <>
      <ul
        id={listboxId}
        role="listbox"
        aria-label="Search suggestions"
        hidden={!open}
        className="absolute top-full left-0 z-40 mt-1 max-h-[70vh] w-full overflow-y-auto rounded-lg border border-line bg-surface py-1 shadow-lg sm:right-0 sm:left-auto sm:w-[min(28rem,calc(100vw-2rem))]"
      >
        {suggestions.map((suggestion, position) => (
          <SuggestionOption
            key={suggestion.slug}
            suggestion={suggestion}
            id={optionId(position)}
            active={position === activeIndex}
            onChoose={() => onChoose(suggestion)}
            onPointAt={() => onPointAt(position)}
          />
        ))}
      </ul>
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
    </>
  )
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
  const [open, setOpen] = useState(false)
  const [activeIndex, setActiveIndex] = useState(-1)
  // A new list starts with no active option, and the popup opens only when the list has something in it.
  const { query, suggestions, announcement, changeQuery, clearQuery } = useSearchSuggestions((list) => {
    setActiveIndex(-1)
    setOpen(list.length > 0)
  })

  // Combobox semantics only once the script can honour them; before that it is a plain search field.
  useEffect(() => setEnhanced(true), [])

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' })
  }, [id, activeIndex])

  function close() {
    setOpen(false)
    setActiveIndex(-1)
  }

  function goToSuggestion(suggestion: SearchSuggestion) {
    close()
    clearQuery()
    router.push(termPath(suggestion.slug))
  }

  const combobox = { suggestions, open, activeIndex, setOpen, setActiveIndex, close, changeQuery, goToSuggestion }
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
        onChange={(event) => changeQuery(event.target.value)}
        onKeyDown={(event) => handleComboboxKey(event, combobox)}
        onBlur={close}
        maxLength={MAX_SEARCH_QUERY_LENGTH}
        placeholder="Search terms, services…"
        autoComplete="off"
        spellCheck={false}
        className="h-10 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink placeholder:text-muted"
        {...(enhanced ? comboboxAttributes(listboxId, open, activeSuggestion ? optionId(activeIndex) : undefined) : {})}
      />
      {enhanced ? (
        <SuggestionPopup
          listboxId={listboxId}
          optionId={optionId}
          open={open}
          suggestions={suggestions}
          activeIndex={activeIndex}
          announcement={announcement}
          onChoose={goToSuggestion}
          onPointAt={setActiveIndex}
        />
      ) : null}
    </form>
  )
}
