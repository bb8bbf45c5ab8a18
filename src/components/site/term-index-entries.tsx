// Lists of terms as the A–Z index and the category pages show them: each term's title, category,
// difficulty and summary. Kept to a few elements per term with the styles in one class, so a page of a
// hundred terms stays small.
import { groupTermsByLetter } from '@/site-data/group-terms-by-letter'
import { termPath } from '@/routes/site-routes'
import { difficultyLabel } from '@/site-data/term-filters'
import type { TermListEntry } from '@/site-data/published-terms'

function TermEntry({ term, headingLevel }: { term: TermListEntry; headingLevel?: 'h2' }) {
  const link = <a href={termPath(term.slug)}>{term.title}</a>
  return (
    <li>
      {headingLevel ? <h2>{link}</h2> : link}
      <p>
        {term.category
          ? `${term.category.name} · ${difficultyLabel(term.difficulty)}`
          : difficultyLabel(term.difficulty)}
      </p>
      <p>{term.summary}</p>
    </li>
  )
}

/** A plain list of terms; `headingLevel` makes each title a heading (when no other heading groups them). */
export function TermEntryList({ entries, headingLevel }: { entries: readonly TermListEntry[]; headingLevel?: 'h2' }) {
  return (
    <ul className="term-entries">
      {entries.map((term) => (
        <TermEntry key={term.slug} term={term} headingLevel={headingLevel} />
      ))}
    </ul>
  )
}

const headingId = (letter: string) => `letter-${letter === '#' ? 'other' : letter}`

/** The terms of one page, under a heading per letter (a letter's page has one; a filtered page several). */
export function TermIndexEntries({
  entries,
  caption,
}: {
  entries: readonly TermListEntry[]
  caption?: (letter: string) => string
}) {
  return (
    <>
      {groupTermsByLetter(entries).map((group) => (
        <section key={group.letter} aria-labelledby={headingId(group.letter)} className="mb-8">
          <h2 id={headingId(group.letter)} className="mb-3 border-b border-line pb-1">
            {caption ? caption(group.letter) : group.letter}
          </h2>
          <TermEntryList entries={group.terms} />
        </section>
      ))}
    </>
  )
}
