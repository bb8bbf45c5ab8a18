// What an editor whose save was refused as stale has in the form against what is stored now, field by
// field, so they can copy their wording before reloading. Pure: no Payload, no I/O.

export type FieldDifference = { field: string; label: string; yours: string; stored: string }

/** The fields an editor is most likely to have worded, listed first; every other top-level text or scalar follows. */
const LEADING_FIELDS = ['title', 'definition', 'analogy', 'category', 'difficulty'] as const

/** Kept by the server, never typed by an editor. */
const SERVER_FIELDS = new Set([
  'id',
  'revision',
  'createdAt',
  'updatedAt',
  '_status',
  'createdBy',
  'firstPublishedAt',
  'sortTitle',
  'indexLetter',
])

/** A value as the compare shows it; undefined for what it does not compare (rich text, arrays, groups). */
function shownValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  // A relationship: the form holds its id, a read at depth 0 too, a deeper read the document.
  if (typeof value === 'object' && !Array.isArray(value) && 'id' in value) return String((value as { id: unknown }).id)
  return undefined
}

function labelOf(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase()
}

function comparedFields(yours: Record<string, unknown>, stored: Record<string, unknown>): string[] {
  const rest = [...new Set([...Object.keys(yours), ...Object.keys(stored)])].sort()
  const ordered = [...LEADING_FIELDS.filter((field) => field in yours || field in stored), ...rest]
  return [...new Set(ordered)].filter((field) => !SERVER_FIELDS.has(field))
}

export function differingFields(yours: Record<string, unknown>, stored: Record<string, unknown>): FieldDifference[] {
  return comparedFields(yours, stored).flatMap((field) => {
    const [mine, theirs] = [shownValue(yours[field]), shownValue(stored[field])]
    if (mine === undefined || theirs === undefined || mine === theirs) return []
    return [{ field, label: labelOf(field), yours: mine, stored: theirs }]
  })
}
