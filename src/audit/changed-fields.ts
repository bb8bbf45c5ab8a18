// Which top-level fields an update changed, for the audit trail. Pure: no Payload, no I/O.
//
// The two sides are not read alike: Payload hands afterChange the document before the change at depth 0
// with hidden fields, and the document after it at the caller's depth with the caller's field access.
// So related documents count as their ids, fields absent after the change count as unknown (not
// removed), and generated row ids and empty values are not changes. A populated document may carry any
// subset of its fields (a collection's `defaultPopulate`), so relationship and upload fields are told by
// their type, and references inside rich text by their `relationTo`.

import { REVISION_FIELD } from '@/concurrency/revision-tags'

export type ComparableField = {
  name: string
  type: string
  hidden?: boolean
  virtual?: unknown
  /** The fields of an array's rows, a group or a named tab. */
  flattenedFields?: readonly ComparableField[]
}

/** Never named in the log: auth secrets and bookkeeping. A new password is named separately, as "password". */
export const UNRECORDED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'password',
  'hash',
  'salt',
  'apiKeyIndex',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  '_verificationToken',
  'sessions',
  'loginAttempts',
  'lockUntil',
  REVISION_FIELD,
])

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A populated document with all its fields, which always carries timestamps. */
const isDocument = (value: JsonObject) => 'id' in value && ('createdAt' in value || 'updatedAt' in value)

/** How polymorphic relationships and rich-text relationship, upload and link nodes point at a document. */
const isReference = (value: JsonObject) => typeof value.relationTo === 'string' && 'value' in value

/** A related document, populated or not, as its id. */
const idOf = (value: unknown): unknown => (isObject(value) && 'id' in value ? String(value.id) : value)

export function comparable(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(comparable)
  if (isObject(value)) {
    if (isDocument(value)) return String(value.id)
    const object = isReference(value) ? { ...value, value: idOf(value.value) } : value
    return Object.fromEntries(
      Object.keys(object)
        .filter((key) => key !== 'id')
        .sort()
        .map((key) => [key, comparable(object[key])]),
    )
  }
  return value
}

/** The value with every relationship and upload it holds, at any level of rows and groups, as ids. */
function withRelationIds(field: ComparableField, value: unknown): unknown {
  if (value === null || value === undefined) return value
  if (field.type === 'relationship' || field.type === 'upload') {
    const one = (entry: unknown) =>
      isObject(entry) && isReference(entry) ? { ...entry, value: idOf(entry.value) } : idOf(entry)
    return Array.isArray(value) ? value.map(one) : one(value)
  }
  const fields = field.flattenedFields
  if (!fields) return value
  const inRow = (row: unknown) => {
    if (!isObject(row)) return row
    const subValues = fields
      .filter((sub) => sub.name in row)
      .map((sub) => [sub.name, withRelationIds(sub, row[sub.name])])
    return { ...row, ...Object.fromEntries(subValues) }
  }
  return Array.isArray(value) ? value.map(inRow) : inRow(value)
}

const comparableField = (field: ComparableField, value: unknown) => comparable(withRelationIds(field, value))

export function changedFieldNames(
  fields: readonly ComparableField[],
  previous: JsonObject | null | undefined,
  next: JsonObject,
): string[] {
  const stableJson = (field: ComparableField, value: unknown) => JSON.stringify(comparableField(field, value))
  return fields
    .filter((field) => field.type !== 'join' && !field.hidden && !field.virtual && !UNRECORDED_FIELDS.has(field.name))
    .filter((field) => field.name in next)
    .filter((field) => stableJson(field, previous?.[field.name]) !== stableJson(field, next[field.name]))
    .map((field) => field.name)
}
