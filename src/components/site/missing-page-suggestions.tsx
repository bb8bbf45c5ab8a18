'use client'
// The 404 page's "Were you looking for": terms close to the address the reader tried, fetched once the
// page is shown (the page itself is the same cached HTML for every address). Also fills the page's
// search box with the address's words when the reader has not typed anything yet.
import { useEffect, useState } from 'react'

import { termPath } from '@/routes/site-routes'
import type { SuggestedTerm } from '@/search/closest-terms'
import type { MissingPageSuggestions as Answer } from '@/site-data/site-search'

export function MissingPageSuggestions({ searchInputId }: { searchInputId: string }) {
  const [suggestions, setSuggestions] = useState<SuggestedTerm[]>([])

  useEffect(() => {
    const controller = new AbortController()
    const path = window.location.pathname
    fetch(`/search/missing-page?path=${encodeURIComponent(path)}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<Answer>) : null))
      .then((answer) => {
        if (!answer) return
        setSuggestions(answer.suggestions)
        const input = document.getElementById(searchInputId) as HTMLInputElement | null
        if (input && input.value === '') input.value = answer.words
      })
      .catch(() => {})
    return () => controller.abort()
  }, [searchInputId])

  if (suggestions.length === 0) return null
  return (
    <section aria-labelledby="not-found-suggestions" className="flex flex-col gap-2">
      <h2 id="not-found-suggestions">Were you looking for</h2>
      <ul className="flex flex-col gap-1">
        {suggestions.map((term) => (
          <li key={term.slug}>
            <a href={termPath(term.slug)} className="text-lg font-medium">
              {term.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
