import type { Metadata } from 'next'
import { headers } from 'next/headers'

import { SearchForm } from '@/components/site/search-form'
import { REQUEST_PATH_HEADER } from '@/lib/request-path-header'
import { wordsFromPath } from '@/lib/search/closest-terms'
import { letterPath, TERM_INDEX_PATH, termPath } from '@/lib/site-routes'
import { suggestTermsForMissingPage } from '@/lib/site-search'
import { getLetterCounts } from '@/site-data/term-index'
import { takeAttemptFromAddress } from '@/rate-limit/limit-by-address'

export const metadata: Metadata = { title: 'Page not found' }

export default async function NotFound() {
  const requestHeaders = await headers()
  const requestedPath = requestHeaders.get(REQUEST_PATH_HEADER)
  // Over the limit the page stays a 404 for crawlers; it only leaves out the suggestions, which cost a search.
  const overLimit = await takeAttemptFromAddress('notFoundSuggestions', requestHeaders)
  const [suggestions, letterCounts] = await Promise.all([overLimit ? [] : suggestTermsForMissingPage(requestedPath), getLetterCounts()])
  const letters = letterCounts.filter(({ count }) => count > 0).map(({ letter }) => letter)

  return (
    <div className="flex flex-col gap-6">
      <h1>Page not found</h1>
      <p className="text-muted">There is no page at this address. It may have moved, or the address may be misspelled.</p>

      {suggestions.length > 0 ? (
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
      ) : null}

      <SearchForm id="not-found-query" label="Search the glossary" defaultValue={requestedPath ? wordsFromPath(requestedPath) : ''} />

      <section aria-labelledby="not-found-index" className="flex flex-col gap-2">
        <h2 id="not-found-index">Browse from A to Z</h2>
        <nav aria-label="A–Z index letters">
          <ul className="letter-nav">
            {letters.map((letter) => (
              <li key={letter}>
                <a href={letterPath(letter)}>{letter}</a>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          Or open the full <a href={TERM_INDEX_PATH}>A–Z index</a>.
        </p>
      </section>
    </div>
  )
}
