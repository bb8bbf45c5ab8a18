// The site's 404 page. Next renders it along with every page of the site (ready for a notFound() in the
// browser), so it reads neither the request nor any content: anything it read would make every page
// uncacheable or re-rendered with it. Suggestions for the missing address are asked for by the browser.
import type { Metadata } from 'next'

import { MissingPageSuggestions } from '@/components/site/missing-page-suggestions'
import { SearchForm } from '@/components/site/search-form'
import { INDEX_LETTERS, letterPath, TERM_INDEX_PATH } from '@/routes/site-routes'

export const metadata: Metadata = { title: 'Page not found' }

const SEARCH_FIELD_ID = 'not-found-query'

export default function NotFound() {
  return (
    <div className="flex flex-col gap-6">
      <h1>Page not found</h1>
      <p className="text-muted">
        There is no page at this address. It may have moved, or the address may be misspelled.
      </p>
      <MissingPageSuggestions searchInputId={SEARCH_FIELD_ID} />
      <SearchForm id={SEARCH_FIELD_ID} label="Search the glossary" />
      <section aria-labelledby="not-found-index" className="flex flex-col gap-2">
        <h2 id="not-found-index">Browse from A to Z</h2>
        <nav aria-label="A–Z index letters">
          <ul className="letter-nav">
            {INDEX_LETTERS.map((letter) => (
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
