// Which content fields an update changes, comparing values the way a reader would: relationship
// documents as their ids, array rows without their generated ids, empty values alike.

function normalize(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(normalizeItem)
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== 'id')
      .map(([key, inner]) => [key, normalize(inner)] as const)
      .filter(([, inner]) => inner !== null)
      .sort(([a], [b]) => a.localeCompare(b))
    return Object.fromEntries(entries)
  }
  return value
}

function normalizeItem(item: unknown): unknown {
  // A populated relationship stands for its id; an array row (no collection fields) is compared by content.
  if (item && typeof item === 'object' && 'id' in item && ('createdAt' in item || 'updatedAt' in item)) {
    return String((item as { id: unknown }).id)
  }
  return normalize(item)
}

function normalizeField(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'id' in value && 'updatedAt' in value) {
    return String((value as { id: unknown }).id)
  }
  return normalize(value)
}

export function changedFieldNames(
  incoming: Record<string, unknown>,
  previous: Record<string, unknown> | null | undefined,
  ignore: ReadonlySet<string>,
): string[] {
  return Object.keys(incoming).filter((name) => {
    if (ignore.has(name)) return false
    return JSON.stringify(normalizeField(incoming[name])) !== JSON.stringify(normalizeField(previous?.[name]))
  })
}
