// How the Related Terms and See Also names of an entry become links, and how names that match no term yet
// wait without losing their place. See Also rows keep a waiting name as a label in its own row. Related
// terms are a list of ids, which cannot hold a name, so while any related name is waiting the term keeps
// the whole list as written in pendingRelatedTerms: when the missing terms arrive, the links are rebuilt in
// that order, and an export before then still writes the names in the order of the file.
import { slugify } from '@/content-format/slugify'
import { relationId } from '@/fields/relations'

import { OwnedStrings } from './own-copy'

export type TermRef = { id: string; slug: string }

/** Finds a term by a name as editors write it: title or alias (any case), or slug. */
export interface TermNames {
  resolve(name: string): TermRef | null
}

export type SeeAlsoRow = { term: string | null; label: string | null; url: string | null }

export type TermLinks = { relatedTerms: string[]; pendingRelatedTerms: string[]; seeAlso: SeeAlsoRow[] }

type LinkValue = string | { id: string } | null | undefined

/** The link fields of a stored term, at depth 0 or 1. */
export type StoredLinks = {
  slug: string
  relatedTerms?: LinkValue[] | null
  pendingRelatedTerms?: string[] | null
  seeAlso?: { term?: LinkValue; label?: string | null; url?: string | null }[] | null
}

/** Names are case-insensitive; a name may also be written as its slug. */
export class TermNameIndex implements TermNames {
  private readonly byName = new Map<string, TermRef>()
  private readonly bySlug = new Map<string, TermRef>()

  constructor(private readonly strings = new OwnedStrings()) {}

  add(term: { id: string; slug: string; title: string; aliases?: string[] | null }): void {
    const ref = { id: this.strings.get(term.id), slug: this.strings.get(term.slug) }
    this.bySlug.set(ref.slug, ref)
    this.byName.set(this.strings.get(term.title.trim().toLowerCase()), ref)
    for (const alias of term.aliases ?? []) this.byName.set(this.strings.get(alias.trim().toLowerCase()), ref)
  }

  resolve(name: string): TermRef | null {
    return this.byName.get(name.trim().toLowerCase()) ?? this.bySlug.get(slugify(name)) ?? null
  }
}

/** Related names in order, as links; names naming the term itself are dropped, repeats linked once. */
function relatedFromNames(names: string[], selfSlug: string, terms: TermNames) {
  const ids: string[] = []
  const written: string[] = []
  let waiting = false
  for (const name of names) {
    const ref = terms.resolve(name)
    if (ref?.slug === selfSlug) continue
    written.push(name)
    if (!ref) waiting = true
    else if (!ids.includes(ref.id)) ids.push(ref.id)
  }
  return { relatedTerms: ids, pendingRelatedTerms: waiting ? written : [] }
}

/** The links of an entry, from the names in its file; `previous` keeps labels and addresses editors set. */
export function linksFromEntry(
  entry: { slug: string; relatedTerms: string[]; seeAlso: string[] },
  previous: StoredLinks | null,
  terms: TermNames,
): TermLinks {
  const seeAlso = entry.seeAlso.flatMap((name): SeeAlsoRow[] => {
    const ref = terms.resolve(name)
    if (ref?.slug === entry.slug) return []
    if (!ref) return [{ term: null, label: name, url: null }]
    const kept = previous?.seeAlso?.find((row) => relationId(row.term) === ref.id)
    return [{ term: ref.id, label: kept?.label ?? null, url: kept?.url ?? null }]
  })
  return { ...relatedFromNames(entry.relatedTerms, entry.slug, terms), seeAlso }
}

/** A see-also row waiting for a term: a name without a term or an outside address. */
const isWaitingRow = (row: NonNullable<StoredLinks['seeAlso']>[number]) =>
  !relationId(row.term) && !row.url && Boolean(row.label)

export function hasWaitingNames(term: StoredLinks): boolean {
  return (term.pendingRelatedTerms ?? []).length > 0 || (term.seeAlso ?? []).some(isWaitingRow)
}

/**
 * The links of a stored term once the names it waits for are looked up again. Related terms follow the
 * written order; a link an editor added since (one no written name gives) stays, after them. See Also
 * rows are resolved where they stand.
 */
export function relinkStoredTerm(term: StoredLinks, terms: TermNames): TermLinks {
  const current = (term.relatedTerms ?? []).flatMap((value) => relationId(value) ?? [])
  const written = term.pendingRelatedTerms ?? []
  const related =
    written.length > 0
      ? relatedFromNames(written, term.slug, terms)
      : { relatedTerms: current, pendingRelatedTerms: [] }
  const addedByEditors = current.filter((id) => !related.relatedTerms.includes(id))
  const seeAlso = (term.seeAlso ?? []).flatMap((row): SeeAlsoRow[] => {
    const stored = { term: relationId(row.term), label: row.label ?? null, url: row.url ?? null }
    if (!isWaitingRow(row)) return [stored]
    const ref = terms.resolve(row.label!)
    if (ref?.slug === term.slug) return []
    return [ref ? { term: ref.id, label: null, url: null } : stored]
  })
  return { ...related, relatedTerms: [...related.relatedTerms, ...addedByEditors], seeAlso }
}

/** The names of `links` that match no term: waiting related names, then waiting see-also labels. */
export function waitingNames(links: TermLinks, terms: TermNames): string[] {
  return [
    ...links.pendingRelatedTerms.filter((name) => !terms.resolve(name)),
    ...links.seeAlso.flatMap((row) => (isWaitingRow(row) && !terms.resolve(row.label!) ? [row.label!] : [])),
  ]
}

export function sameIds(stored: LinkValue[] | null | undefined, ids: string[]): boolean {
  const left = (stored ?? []).map(relationId)
  return left.length === ids.length && left.every((id, index) => id === ids[index])
}

export function sameSeeAlso(stored: StoredLinks['seeAlso'], rows: SeeAlsoRow[]): boolean {
  const left = stored ?? []
  return (
    left.length === rows.length &&
    left.every((row, index) => {
      const other = rows[index]!
      return (
        relationId(row.term) === other.term && (row.label ?? null) === other.label && (row.url ?? null) === other.url
      )
    })
  )
}

export function sameLinks(stored: StoredLinks, links: TermLinks): boolean {
  const pending = stored.pendingRelatedTerms ?? []
  return (
    sameIds(stored.relatedTerms, links.relatedTerms) &&
    pending.length === links.pendingRelatedTerms.length &&
    pending.every((name, index) => name === links.pendingRelatedTerms[index]) &&
    sameSeeAlso(stored.seeAlso, links.seeAlso)
  )
}
