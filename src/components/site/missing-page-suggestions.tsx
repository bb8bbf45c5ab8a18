'use client'

// The 404 page's "Were you looking for" list, asked for by the browser for its own address once the
// page has loaded; it also puts the address's words into the page's search field if that is empty.
import { useEffect, useState } from 'react'

import { missingPageSuggestionsUrl, type MissingPageSuggestions as Suggestions } from '@/lib/missing-page-suggestions'
import { termPath } from '@/lib/site-routes'

export function MissingPageSuggestions({ searchFieldId }: { searchFieldId: string }) {
  const [terms, setTerms] = useState<Suggestions['terms']>([])
  useEffect(() => {
    const controller = new AbortController()
    fetch(missingPageSuggestionsUrl(window.location.pathname), { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<Suggestions>) : null))
      .then((suggestions) => {
        if (!suggestions) return
        setTerms(suggestions.terms)
        const field = document.getElementById(searchFieldId)
        if (field instanceof HTMLInputElement && field.value === '') field.value = suggestions.query
      })
      // Without suggestions the page still offers search and the A–Z index.
      .catch(() => undefined)
    return () => controller.abort()
  }, [searchFieldId])

  if (terms.length === 0) return null
  return (
    <section aria-labelledby="not-found-suggestions" className="flex flex-col gap-2">
      <h2 id="not-found-suggestions">Were you looking for</h2>
      <ul className="flex flex-col gap-1">
        {terms.map((term) => (
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
