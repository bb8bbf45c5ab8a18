import Link from 'next/link'

import { getSiteContent } from '@/lib/site-content'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const terms = (await getSiteContent()).terms
  return (
    <>
      <h1>Cloud computing, explained</h1>
      <p>
        {terms.length} terms, each with a plain-language analogy, real use cases and the matching service on AWS,
        Azure, Google Cloud and Oracle Cloud.
      </p>
      <h2>All terms</h2>
      <ul className="term-list">
        {terms.map((term) => (
          <li key={term.slug}>
            <Link href={`/terms/${term.slug}`}>{term.title}</Link>
            {term.category ? <span className="badge">{term.category.name}</span> : null}
          </li>
        ))}
      </ul>
    </>
  )
}
