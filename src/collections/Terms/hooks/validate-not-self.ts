import type { Validate } from 'payload'

function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return value === null || value === undefined ? undefined : String(value)
}

/** Refuses a relationship list that contains the document being edited. */
export function validateNotSelf(message: string): Validate {
  return (value, { id }) => {
    if (!id || !Array.isArray(value)) return true
    return value.some((entry) => idOf(entry) === String(id)) ? message : true
  }
}
