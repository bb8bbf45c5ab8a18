// Further reading chosen by an editor: other glossary terms and outside pages.
import type { SeeAlsoView } from '@/site-data/term-view'

import { TermSection } from './term-section'

export function SeeAlsoLinks({ links }: { links: readonly SeeAlsoView[] }) {
  if (links.length === 0) return null
  return (
    <TermSection id="see-also" title="See also">
      <ul className="list-disc space-y-1 pl-6">
        {links.map((link) => (
          <li key={link.href}>
            {link.external ? (
              <a href={link.href} rel="noopener">
                {link.label}
              </a>
            ) : (
              <a href={link.href}>{link.label}</a>
            )}
          </li>
        ))}
      </ul>
    </TermSection>
  )
}
