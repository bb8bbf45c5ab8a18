// Query parameters of a v1 request: a parameter the endpoint does not know is refused with 400 naming it,
// instead of being silently ignored (a misspelt filter would otherwise return everything).
import { problem, problemResponse } from './problem'

/** A hostile address may hold thousands of long names: the answer names the first few, shortened. */
const MAX_NAMED = 10
const MAX_NAME_SHOWN = 60

/** A 400 answer naming each query parameter not in `known`, or null when there is none. */
export function refuseUnknownParameters(request: Request, known: readonly string[]): Response | null {
  const url = new URL(request.url)
  const unknown = [...new Set(url.searchParams.keys())]
    .filter((name) => !known.includes(name))
    .slice(0, MAX_NAMED)
    .map((name) => (name.length > MAX_NAME_SHOWN ? `${name.slice(0, MAX_NAME_SHOWN)}…` : name))
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
