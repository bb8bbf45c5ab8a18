import type { Validate } from 'payload'

import { relationId } from '@/fields/relations'

/** Refuses a relationship list that contains the document being edited. */
export function validateNotSelf(message: string): Validate {
  return (value, { id }) => {
    if (!id || !Array.isArray(value)) return true
    return value.some((entry) => relationId(entry) === String(id)) ? message : true
  }
}
