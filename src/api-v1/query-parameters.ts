// Query parameters of a v1 request, checked against the zod schema the OpenAPI document describes them
// with: a parameter the endpoint does not know, one given twice, or one with a bad value is refused with
// 400 naming it, instead of being silently ignored (a misspelt filter would otherwise return everything).
import type { z } from 'zod'

import { problem, problemResponse, type Problem } from '../http/problem'

/** A hostile address may hold thousands of long names: the answer names the first few, shortened. */
const MAX_NAMED = 10
const MAX_NAME_SHOWN = 60

const shown = (name: string) => (name.length > MAX_NAME_SHOWN ? `${name.slice(0, MAX_NAME_SHOWN)}…` : name)

/** A 400 answer naming each query parameter not in `known`, or null when there is none. */
export function refuseUnknownParameters(request: Request, known: readonly string[]): Response | null {
  const url = new URL(request.url)
  const unknown = [...new Set(url.searchParams.keys())]
    .filter((name) => !known.includes(name))
    .slice(0, MAX_NAMED)
    .map(shown)
  if (unknown.length === 0) return null
  const accepted = known.length === 0 ? 'This endpoint takes no query parameters.' : `It accepts: ${known.join(', ')}.`
  return problemResponse(
    problem(
      'unknown-parameter',
      url.pathname,
      `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ${accepted}`,
      unknown.map((name) => ({ name, message: 'not a parameter of this endpoint' })),
    ),
  )
}

export type ParsedQuery<Value> = { ok: true; value: Value } | { ok: false; response: Response }

function invalidParameters(url: URL, detail: string, parameters: Problem['parameters']): ParsedQuery<never> {
  return { ok: false, response: problemResponse(problem('invalid-parameter', url.pathname, detail, parameters)) }
}

/**
 * The query parameters as `schema` parses them (each given once, as a string), or a 400 answer naming
 * every parameter that is unknown, repeated or invalid.
 */
export function parseQuery<Schema extends z.ZodObject>(
  request: Request,
  schema: Schema,
): ParsedQuery<z.output<Schema>> {
  const unknown = refuseUnknownParameters(request, Object.keys(schema.shape))
  if (unknown) return { ok: false, response: unknown }
  const url = new URL(request.url)
  const repeated = [...new Set(url.searchParams.keys())].filter((name) => url.searchParams.getAll(name).length > 1)
  if (repeated.length > 0) {
    return invalidParameters(
      url,
      `Each query parameter may be given once: ${repeated.join(', ')} ${repeated.length > 1 ? 'were' : 'was'} given more than once.`,
      repeated.map((name) => ({ name, message: 'given more than once' })),
    )
  }
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams))
  if (parsed.success) return { ok: true, value: parsed.data }
  const parameters = parsed.error.issues
    .slice(0, MAX_NAMED)
    .map((issue) => ({ name: String(issue.path[0] ?? ''), message: issue.message }))
  return invalidParameters(
    url,
    `Invalid query parameter: ${parameters.map((parameter) => `${parameter.name} (${parameter.message})`).join('; ')}.`,
    parameters,
  )
}
