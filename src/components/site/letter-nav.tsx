// The A–Z index's letters, each linking to its first page with how many terms it holds; a letter with
// none is shown but not linked.
import { letterPath, type IndexLetter } from '@/lib/site-routes'
import type { LetterCount } from '@/site-data/term-index'

export function LetterNav({ counts, current }: { counts: readonly LetterCount[]; current: IndexLetter | null }) {
  return (
    <nav aria-label="Letters" className="no-print mb-6">
      <ul className="index-letters">
        {counts.map(({ letter, count }) => (
          <li key={letter}>
            {count > 0 ? (
              <a href={letterPath(letter)} aria-current={letter === current ? 'page' : undefined}>
                {letter}
                <span className="sr-only">, </span>
                <small>{count}</small>
                <span className="sr-only"> terms</span>
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
