// The A–Z index's letters, each linking to its first page with how many terms it holds; a letter with
// none is shown but not linked.
import { letterPath, type IndexLetter } from '@/routes/site-routes'
import type { LetterCount } from '@/site-data/term-index'

export function LetterNav({ counts, current }: { counts: readonly LetterCount[]; current: IndexLetter | null }) {
  return (
    <nav aria-label="Letters" className="no-print mb-6">
      <ul className="index-letters">
        {counts.map(({ letter, count }) => (
          <li key={letter}>
            {count > 0 ? (
              <a href={letterPath(letter)} aria-current={letter === current ? 'page' : undefined}>
                {/* The link's name reads "C 120 terms": the letter, then its count. */}
                <span>{letter}</span>
                <small>
                  {count}
                  <span className="sr-only"> terms</span>
                </small>
              </a>
            ) : (
              <span aria-hidden="true">{letter}</span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
