// The glossary linker for a page, built from the published terms of the snapshot.
import { createTermLinker, type LinkableTerm, type TermLinker } from './auto-link'
import type { SiteContent } from './site-content'

const linkableTermsBySnapshot = new WeakMap<SiteContent, LinkableTerm[]>()

export function summarizeDefinition(definition: string, maxLength = 160): string {
  const first = definition.split(/\n{2,}/)[0]?.trim() ?? ''
  if (first.length <= maxLength) return first
  const cut = first.slice(0, maxLength - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2))}…`
}

export function termLinkerFor(content: SiteContent, currentSlug: string | null): TermLinker {
  let linkable = linkableTermsBySnapshot.get(content)
  if (!linkable) {
    linkable = content.terms.map((term) => ({
      title: term.title,
      slug: term.slug,
      aliases: term.aliases,
      summary: summarizeDefinition(term.definition),
    }))
    linkableTermsBySnapshot.set(content, linkable)
  }
  return createTermLinker(linkable, currentSlug)
}
