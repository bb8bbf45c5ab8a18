import { indexLetter } from '@/site-cache/cache-tags'

export type LetterGroup<T> = { letter: string; terms: T[] }

/**
 * Groups terms under their index letter (A–Z, with digits and symbols under "#"), letters in reading
 * order and terms in the order given (the order the database sorted them in).
 */
export function groupTermsByLetter<T extends { title: string }>(terms: readonly T[]): LetterGroup<T>[] {
  const groups = new Map<string, T[]>()
  for (const term of terms) {
    const letter = indexLetter(term.title)
    const group = groups.get(letter) ?? []
    group.push(term)
    groups.set(letter, group)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, grouped]) => ({ letter, terms: grouped }))
}
