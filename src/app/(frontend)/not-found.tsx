import type { Metadata } from 'next'

import { MissingPageSuggestions } from '@/components/site/missing-page-suggestions'
import { SearchForm } from '@/components/site/search-form'

export const metadata: Metadata = { title: 'Page not found' }

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']

// The same page for every missing address, so it is cached like any other; suggestions for the address
// the reader tried arrive from the browser (MissingPageSuggestions).
export default function NotFound() {
  return (
    <div className="flex flex-col gap-6">
      <h1>Page not found</h1>
      <p className="text-muted">There is no page at this address. It may have moved, or the address may be misspelled.</p>

      <MissingPageSuggestions searchInputId="not-found-query" />

      <SearchForm id="not-found-query" label="Search the glossary" />

      <section aria-labelledby="not-found-index" className="flex flex-col gap-2">
        <h2 id="not-found-index">Browse from A to Z</h2>
        <nav aria-label="A–Z index letters">
          <ul className="letter-nav">
            {LETTERS.map((letter) => (
              <li key={letter}>
                <a href={`/terms#letter-${letter}`}>{letter}</a>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          Or open the full <a href="/terms">A–Z index</a>.
        </p>
      </section>
    </div>
  )
}
