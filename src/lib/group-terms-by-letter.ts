export type LetterGroup<T> = { letter: string; terms: T[] }

/** Groups titles under their first letter (A–Z), with digits and symbols under "#", in reading order. */
export function groupTermsByLetter<T extends { title: string }>(terms: readonly T[]): LetterGroup<T>[] {
  const groups = new Map<string, T[]>()
  const sorted = [...terms].sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }))
  for (const term of sorted) {
    const first = term.title.normalize('NFD').charAt(0).toUpperCase()
    const letter = /^[A-Z]$/.test(first) ? first : '#'
    const group = groups.get(letter) ?? []
    group.push(term)
    groups.set(letter, group)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, grouped]) => ({ letter, terms: grouped }))
}
