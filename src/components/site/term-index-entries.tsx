// The entries of an A–Z page: each term's title, category, difficulty and summary, under the heading of
// its letter. Kept to a few elements per term with the styles in one class, so a page of a hundred
// terms stays small.
import { groupTermsByLetter } from '@/lib/group-terms-by-letter'
import { termPath } from '@/lib/site-routes'
import type { TermListEntry } from '@/site-data/published-terms'

import { difficultyLabel } from './term-badges'

function TermEntry({ term }: { term: TermListEntry }) {
  return (
    <li>
      <a href={termPath(term.slug)}>{term.title}</a>
      <p>
        {term.category ? `${term.category.name} · ` : ''}
        {difficultyLabel(term.difficulty)}
      </p>
      <p>{term.summary}</p>
    </li>
  )
}

const headingId = (letter: string) => `letter-${letter === '#' ? 'other' : letter}`

/** The terms of one page, under a heading per letter (a letter's page has one; a filtered page several). */
export function TermIndexEntries({ entries, caption }: { entries: readonly TermListEntry[]; caption?: (letter: string) => string }) {
  return (
    <>
      {groupTermsByLetter(entries).map((group) => (
        <section key={group.letter} aria-labelledby={headingId(group.letter)} className="mb-8">
          <h2 id={headingId(group.letter)} className="mb-3 border-b border-line pb-1">
            {caption ? caption(group.letter) : group.letter}
          </h2>
          <ul className="term-entries">
            {group.terms.map((term) => (
              <TermEntry key={term.slug} term={term} />
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
