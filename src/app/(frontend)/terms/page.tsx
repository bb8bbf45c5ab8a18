import type { Metadata } from 'next'
import Link from 'next/link'

import { groupTermsByLetter } from '@/lib/group-terms-by-letter'
import { getSiteContent } from '@/lib/site-content'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'A–Z index',
  description: 'Every published Cloudlex term, from A to Z.',
}

export default async function TermIndexPage() {
  const groups = groupTermsByLetter((await getSiteContent()).terms)
  return (
    <>
      <h1>A–Z index</h1>
      <nav aria-label="Letters" className="letter-nav">
        {groups.map((group) => (
          <a key={group.letter} href={`#letter-${group.letter}`}>
            {group.letter}
          </a>
        ))}
      </nav>
      {groups.map((group) => (
        <section key={group.letter} aria-labelledby={`letter-${group.letter}`}>
          <h2 id={`letter-${group.letter}`}>{group.letter}</h2>
          <ul className="term-list">
            {group.terms.map((term) => (
              <li key={term.slug}>
                <Link href={`/terms/${term.slug}`}>{term.title}</Link>
                <p>{term.definition.split('\n\n')[0]}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
