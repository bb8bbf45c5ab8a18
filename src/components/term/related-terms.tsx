// Glossary terms an editor chose as related, as a row of badge links.
import { termPath } from '@/routes/site-routes'
import type { TermRef } from '@/site-data/term-view'

import { TermSection } from './term-section'

export function RelatedTerms({ terms }: { terms: readonly TermRef[] }) {
  if (terms.length === 0) return null
  return (
    <TermSection id="related" title="Related terms">
      <ul className="flex flex-wrap gap-2">
        {terms.map((related) => (
          <li key={related.slug}>
            <a href={termPath(related.slug)} className="badge min-h-10 px-4 hover:bg-sunken">
              {related.title}
            </a>
          </li>
        ))}
      </ul>
    </TermSection>
  )
}
