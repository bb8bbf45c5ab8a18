// Which top-level fields an update changed, for the audit trail. Pure: no Payload, no I/O.
//
// The two sides are not read alike: Payload hands afterChange the document before the change at depth 0
// with hidden fields, and the document after it at the caller's depth with the caller's field access.
// So related documents count as their ids, fields absent after the change count as unknown (not
// removed), and generated row ids and empty values are not changes.

export type ComparableField = { name: string; type: string; hidden?: boolean; virtual?: unknown }

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
])

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A populated relationship or upload: a document of a collection, which always carries timestamps. */
const isDocument = (value: JsonObject) => 'id' in value && ('createdAt' in value || 'updatedAt' in value)

export function comparable(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(comparable)
  if (isObject(value)) {
    if (isDocument(value)) return String(value.id)
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => key !== 'id')
        .sort()
        .map((key) => [key, comparable(value[key])]),
    )
  }
  return value
}

const stableJson = (value: unknown) => JSON.stringify(comparable(value))

export function changedFieldNames(
  fields: readonly ComparableField[],
  previous: JsonObject | null | undefined,
  next: JsonObject,
): string[] {
  return fields
    .filter((field) => field.type !== 'join' && !field.hidden && !field.virtual && !UNRECORDED_FIELDS.has(field.name))
    .filter((field) => field.name in next)
    .filter((field) => stableJson(previous?.[field.name]) !== stableJson(next[field.name]))
    .map((field) => field.name)
}
