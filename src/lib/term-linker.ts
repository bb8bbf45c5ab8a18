// The glossary linker for a page, built from the published terms of the snapshot.
import { createTermLinker, type LinkableTerm, type TermLinker } from './auto-link'
import type { SiteContent } from './site-content'
import { termMetaDescription } from './term-summary'

const linkableTermsBySnapshot = new WeakMap<SiteContent, LinkableTerm[]>()

export function termLinkerFor(content: SiteContent, currentSlug: string | null): TermLinker {
  let linkable = linkableTermsBySnapshot.get(content)
  if (!linkable) {
    linkable = content.terms.map((term) => ({
      id: term.id,
      title: term.title,
      slug: term.slug,
      aliases: term.aliases,
      summary: termMetaDescription(term),
    }))
    linkableTermsBySnapshot.set(content, linkable)
  }
  return createTermLinker(linkable, currentSlug)
}
