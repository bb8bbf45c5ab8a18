// The glossary auto-linker as it was before it was rewritten to cost what the text costs: one regular
// expression over every name. Kept only as the reference the new linker must agree with
// (tests/unit/auto-link.test.ts); it is far too slow for a real glossary.
import type { LinkableTerm, TextSegment } from '@/site-data/auto-link'

type Name = { name: string; term: LinkableTerm; exactCase: boolean }

const MIN_NAME_LENGTH = 3

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

type TermLinker = { link(text: string): TextSegment[] }

/**
 * A linker for one page. `currentSlug` is never linked (a page does not link to itself), and a term
 * already linked earlier on the page is not linked again.
 */
export function createRegexTermLinker(terms: readonly LinkableTerm[], currentSlug: string | null): TermLinker {
  const names: Name[] = []
  for (const term of terms) {
    if (term.slug === currentSlug) continue
    for (const name of new Set([term.title, ...term.aliases].map((value) => value.trim()))) {
      if (name.length < MIN_NAME_LENGTH) continue
      names.push({ name, term, exactCase: name === name.toUpperCase() && /[A-Z]/.test(name) })
    }
  }
  // Longest first, so "Object Storage" wins over "Storage" at the same place.
  names.sort((a, b) => b.name.length - a.name.length)
  const byLowerName = new Map<string, Name[]>()
  for (const entry of names) {
    const key = entry.name.toLowerCase()
    byLowerName.set(key, [...(byLowerName.get(key) ?? []), entry])
  }
  const pattern =
    names.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${names.map((entry) => escapeRegExp(entry.name)).join('|')})(?![\\p{L}\\p{N}])`,
          'giu',
        )
  const linked = new Set<string>()

  return {
    link(text) {
      if (!pattern || text === '') return [{ text }]
      const segments: TextSegment[] = []
      let cursor = 0
      for (const match of text.matchAll(pattern)) {
        const found = match[0]
        const candidates = byLowerName.get(found.toLowerCase()) ?? []
        const entry = candidates.find((candidate) => !candidate.exactCase || candidate.name === found)
        if (!entry || linked.has(entry.term.slug)) continue
        linked.add(entry.term.slug)
        const start = match.index
        if (start > cursor) segments.push({ text: text.slice(cursor, start) })
        segments.push({ text: found, term: entry.term })
        cursor = start + found.length
      }
      if (cursor < text.length) segments.push({ text: text.slice(cursor) })
      return segments
    },
  }
}
