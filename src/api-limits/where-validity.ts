// Whether the database can answer a `where`: every condition's path resolved through the collection's
// flattened fields, and its operator and value checked against the field it reaches. A condition the
// database cannot answer (a geo operator on a date, `all` on a single value, a path inside rich text, "_"
// as a date) would otherwise throw inside the adapter and reach the caller as a 500. Pure: no Payload imports.
import { resolveFieldPath, type QueryField, type RelatedFields } from './where-field-path'

export type { QueryField } from './where-field-path'

export type WhereValidityContext = {
  fields: QueryField[]
  relatedFields: RelatedFields
  /** Operators the database adapter implements (SQLite has no `all`, `near`, `within` or `intersects`). */
  databaseSupports: (operator: string) => boolean
}

const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const TEXT_MATCH_OPERATORS = new Set(['like', 'not_like', 'contains'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const TYPED_OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
/** `id` too: ids match as text on SQLite, and callers already filter by id that way. */
const TEXT_LIKE_TYPES = new Set(['id', 'text', 'textarea', 'email', 'code', 'select', 'radio', 'richText', 'json'])
const DOCUMENT_TYPES = new Set(['richText', 'json'])
const DOCUMENT_OPERATORS = new Set(['exists', 'equals', 'not_equals', 'like', 'not_like', 'contains'])
const HAS_MANY_TYPES = new Set(['relationship', 'upload', 'text', 'number', 'select'])

const isGroup = (key: string) => key.toLowerCase() === 'and' || key.toLowerCase() === 'or'
const isNull = (value: unknown) => value === null || value === 'null' || value === ''
const quoted = (value: unknown) => JSON.stringify(value)?.slice(0, 60) ?? String(value)
const isPlainObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value)
const aOrAn = (type: string) => (/^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`)

const VALUE_PARSERS: Record<string, { noun: string; parses: (value: unknown) => boolean }> = {
  date: {
    noun: 'a date',
    parses: (value) =>
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && !Number.isNaN(new Date(value).getTime())),
  },
  number: {
    noun: 'a number',
    parses: (value) =>
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))),
  },
  checkbox: {
    noun: 'true or false',
    parses: (value) =>
      typeof value === 'boolean' || (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase())),
  },
}

/** The values a condition compares with: REST sends lists as arrays or comma-separated strings. */
function valuesOf(operator: string, value: unknown): unknown[] {
  if (!LIST_OPERATORS.has(operator)) return [value]
  if (Array.isArray(value)) return value
  return typeof value === 'string' ? value.split(',') : [value]
}

function valueProblem(field: QueryField, operator: string, value: unknown): string | null {
  const parser = VALUE_PARSERS[field.type]
  if (!parser || !TYPED_OPERATORS.has(operator)) return null
  for (const item of valuesOf(operator, value)) {
    const nullAllowed = operator === 'equals' || operator === 'not_equals' || LIST_OPERATORS.has(operator)
    if (nullAllowed && isNull(item)) continue
    if (!parser.parses(item)) return `${quoted(item)} is not ${parser.noun}`
  }
  return null
}

/**
 * Objects are values only where Payload reads them: a nested `contains` on many relationships, geometry for
 * point fields and `{ relationTo, value }` for a relationship to several collections. Anywhere else the
 * adapter would read the object as a column value and throw.
 */
function objectValueProblem(field: QueryField, operator: string, value: unknown): string | null {
  const values = Array.isArray(value) ? value : [value]
  if (!values.some(isPlainObject) || field.type === 'point' || operator === 'contains') return null
  const polymorphic = Array.isArray(field.relationTo) && operator === 'equals' && isPlainObject(value)
  return polymorphic ? null : `compare ${aOrAn(field.type)} field with a value, not an object`
}

function documentProblem(field: QueryField, operator: string, value: unknown): string | null {
  if (!DOCUMENT_OPERATORS.has(operator)) {
    return `a ${field.type} field answers only ${[...DOCUMENT_OPERATORS].join(', ')} on the whole field`
  }
  if (operator !== 'exists' && value !== null && typeof value === 'object')
    return `compare ${aOrAn(field.type)} field with text, not an object`
  return null
}

/** Why this operator and value cannot be asked of this field; null when the database can answer it. */
export function conditionProblem(
  field: QueryField,
  operator: string,
  value: unknown,
  context: WhereValidityContext,
): string | null {
  if (GEO_OPERATORS.has(operator) && field.type !== 'point')
    return `${operator} works only on point fields; this is ${aOrAn(field.type)} field`
  if (operator === 'all' && !(HAS_MANY_TYPES.has(field.type) && field.hasMany)) {
    return `all works only on fields that hold many values; this ${field.type} field holds one`
  }
  if (!context.databaseSupports(operator))
    return `this database does not support ${operator}${operator === 'all' ? '; use in' : ''}`
  if (DOCUMENT_TYPES.has(field.type)) return documentProblem(field, operator, value)
  if (TEXT_MATCH_OPERATORS.has(operator) && !TEXT_LIKE_TYPES.has(field.type)) {
    const nestedContains = operator === 'contains' && value !== null && typeof value === 'object'
    if (!nestedContains) return `${operator} works only on text fields; this is ${aOrAn(field.type)} field`
  }
  return objectValueProblem(field, operator, value) ?? valueProblem(field, operator, value)
}

function pathProblem(path: string, condition: unknown, context: WhereValidityContext, name: string): string | null {
  // GraphQL names nested fields with `__` (seo__title), as Payload's own path check reads them.
  const resolved = resolveFieldPath(context.fields, path.replace(/__/g, '.'), context.relatedFields)
  if (!resolved || !condition || typeof condition !== 'object' || Array.isArray(condition)) return null
  if (resolved.rest.length > 0)
    return `${name}[${path}]: ${resolved.field.type} values cannot be queried inside; query "${resolved.path}" as a whole (exists, equals).`
  for (const [operator, value] of Object.entries(condition)) {
    const problem = conditionProblem(resolved.field, operator, value, context)
    if (problem) return `${name}[${path}][${operator}]: ${problem}.`
  }
  return null
}

/**
 * The first condition of a `where` the database cannot answer, as a message naming it (`name` is how the
 * request spelled the parameter, e.g. `joins[terms][where]`); null when every condition can be answered.
 */
export function findWhereValidityProblem(where: unknown, context: WhereValidityContext, name = 'where'): string | null {
  if (!where || typeof where !== 'object' || Array.isArray(where)) return null
  for (const [key, value] of Object.entries(where)) {
    const members = isGroup(key)
      ? Array.isArray(value)
        ? value
        : value && typeof value === 'object'
          ? Object.values(value)
          : []
      : null
    const problem = members
      ? members.reduce<string | null>((found, member) => found ?? findWhereValidityProblem(member, context, name), null)
      : pathProblem(key, value, context, name)
    if (problem) return problem
  }
  return null
}
