// Relationship values arrive as documents when populated and as bare ids when not (for example when
// the reader may not see the target). The site only ever shows populated documents.

/** The id of a relationship value, populated or not, as text; null when there is none. */
export const relationId = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : typeof value === 'object'
      ? String((value as { id: unknown }).id)
      : String(value)

export function populated<T extends object>(value: T | string | number | null | undefined): T | null {
  return value !== null && typeof value === 'object' ? value : null
}

export function populatedList<T extends object>(values: ReadonlyArray<T | string | number> | null | undefined): T[] {
  return (values ?? []).flatMap((value) => {
    const doc = populated(value)
    return doc ? [doc] : []
  })
}
