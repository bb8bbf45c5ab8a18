// How much one REST or GraphQL request may ask for, per kind of caller, and the check of a request's list
// parameters against those caps. Every relationship level multiplies an answer (×5 per level through
// related terms on the seed), so depth and page size are what keep one request from wedging the server.
// The public site reads through the Local API and is never capped. Pure: no Payload imports.
import { measureWhere } from './where-shape'

export type CallerKind = 'anonymous' | 'api-key' | 'staff'

export type RequestCaps = {
  /** Who the caps are for, as messages name them. */
  label: string
  maxDepth: number
  /** The depth used when a request names none (Payload's own default is 2). */
  defaultDepth: number
  maxLimit: number
  /** The deepest population allowed with `limit=0` or `pagination=false`; null refuses unpaginated reads. */
  unpaginatedMaxDepth: number | null
  maxPage: number
  /** How many `and`/`or` levels a `where` may nest. */
  maxWhereNesting: number
  maxWhereConditions: number
  /** The most values one `in`/`not_in`/`all` condition may list. */
  maxWhereListValues: number
  graphQLMaxDepth: number
  graphQLMaxAliases: number
}

/**
 * Anonymous readers get terms with their related terms, use cases and FAQs populated (depth 1), 100 at a
 * time. The admin sends `depth=0`/`depth=1` from the browser, `limit=0` for bulk actions and
 * `limit=<ids>` to load a relationship field's values, so staff keep those. API keys sit in between.
 */
export const REQUEST_CAPS: Record<CallerKind, RequestCaps> = {
  anonymous: {
    label: 'anonymous callers',
    maxDepth: 1,
    defaultDepth: 1,
    maxLimit: 100,
    unpaginatedMaxDepth: null,
    maxPage: 1000,
    maxWhereNesting: 3,
    maxWhereConditions: 20,
    maxWhereListValues: 100,
    graphQLMaxDepth: 5,
    graphQLMaxAliases: 5,
  },
  'api-key': {
    label: 'API-key callers',
    maxDepth: 2,
    defaultDepth: 2,
    maxLimit: 200,
    unpaginatedMaxDepth: null,
    maxPage: 1000,
    maxWhereNesting: 4,
    maxWhereConditions: 50,
    maxWhereListValues: 500,
    graphQLMaxDepth: 6,
    graphQLMaxAliases: 10,
  },
  staff: {
    label: 'staff',
    maxDepth: 3,
    defaultDepth: 2,
    maxLimit: 1000,
    unpaginatedMaxDepth: 1,
    maxPage: 10_000,
    maxWhereNesting: 6,
    maxWhereConditions: 100,
    maxWhereListValues: 1000,
    graphQLMaxDepth: 7,
    graphQLMaxAliases: 10,
  },
}

/** Payload's API-key strategy marks the user it finds with `_strategy: 'api-key'`. */
export function callerKindOf(user: unknown): CallerKind {
  if (!user || typeof user !== 'object') return 'anonymous'
  return (user as { _strategy?: unknown })._strategy === 'api-key' ? 'api-key' : 'staff'
}

/** List parameters as REST (`parseParams`) or GraphQL arguments hand them over: numbers, or raw strings. */
export type ListParams = {
  depth?: unknown
  limit?: unknown
  page?: unknown
  pagination?: unknown
  where?: unknown
  joins?: unknown
}

const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value)

function rangeProblem(name: string, value: unknown, min: number, max: number, caps: RequestCaps): string | null {
  if (value === undefined || value === null) return null
  if (!isWholeNumber(value) || value < min)
    return `${name} must be a whole number from ${min} to ${max}; got "${String(value)}".`
  if (value > max) return `${name}=${value} is over the cap of ${max} for ${caps.label}; ask for ${name} ${min}–${max}.`
  return null
}

const isUnpaginated = (params: ListParams) =>
  params.limit === 0 || params.pagination === false || params.pagination === 'false'

function paginationProblem(caps: RequestCaps, params: ListParams): string | null {
  if (!isUnpaginated(params)) return rangeProblem('limit', params.limit, 1, caps.maxLimit, caps)
  const what = params.limit === 0 ? 'limit=0' : 'pagination=false'
  if (caps.unpaginatedMaxDepth === null) {
    return `${what} (everything at once) is not allowed for ${caps.label}; page through with limit 1–${caps.maxLimit}.`
  }
  if (isWholeNumber(params.depth) && params.depth > caps.unpaginatedMaxDepth) {
    return `${what} allows depth up to ${caps.unpaginatedMaxDepth} for ${caps.label}; got depth=${params.depth}.`
  }
  return null
}

export function whereProblem(caps: RequestCaps, where: unknown, name = 'where'): string | null {
  if (where === undefined || where === null) return null
  const shape = measureWhere(where, { nesting: caps.maxWhereNesting, conditions: caps.maxWhereConditions })
  if (shape.nesting > caps.maxWhereNesting) {
    return `${name} nests and/or more than ${caps.maxWhereNesting} levels deep, the cap for ${caps.label}.`
  }
  if (shape.conditions > caps.maxWhereConditions) {
    return `${name} has more than ${caps.maxWhereConditions} conditions, the cap for ${caps.label}.`
  }
  if (shape.longestList > caps.maxWhereListValues) {
    return `${name} lists ${shape.longestList} values in one condition; the cap for ${caps.label} is ${caps.maxWhereListValues}.`
  }
  return null
}

/** `joins[<field>][limit|page|where]` on REST reads of collections with join fields (use cases, FAQs). */
function joinsProblem(caps: RequestCaps, joins: unknown): string | null {
  if (!joins || typeof joins !== 'object') return null
  for (const [field, query] of Object.entries(joins)) {
    if (!query || typeof query !== 'object') continue
    const { limit, page, where } = query as Record<string, unknown>
    const problem =
      (caps.unpaginatedMaxDepth === null && limit === 0
        ? `joins[${field}][limit]=0 (everything at once) is not allowed for ${caps.label}; use 1–${caps.maxLimit}.`
        : limit === 0
          ? null
          : rangeProblem(`joins[${field}][limit]`, limit, 1, caps.maxLimit, caps)) ??
      rangeProblem(`joins[${field}][page]`, page, 1, caps.maxPage, caps) ??
      whereProblem(caps, where, `joins[${field}][where]`)
    if (problem) return problem
  }
  return null
}

/** The first way these parameters go over the caps, as a message naming the parameter and the cap; null when within. */
export function findCapViolation(caps: RequestCaps, params: ListParams): string | null {
  return (
    rangeProblem('depth', params.depth, 0, caps.maxDepth, caps) ??
    paginationProblem(caps, params) ??
    rangeProblem('page', params.page, 1, caps.maxPage, caps) ??
    whereProblem(caps, params.where) ??
    joinsProblem(caps, params.joins)
  )
}

/** The depth for a request that names none: the caller's default, lowered for an unpaginated read. */
export function defaultDepthFor(caps: RequestCaps, params: ListParams): number {
  if (isUnpaginated(params) && caps.unpaginatedMaxDepth !== null)
    return Math.min(caps.defaultDepth, caps.unpaginatedMaxDepth)
  return caps.defaultDepth
}
