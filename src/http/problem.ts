// Errors of the v1 API as RFC 9457 problem details: one shape for every refusal and failure, with a
// stable `type` a client can branch on and, for a bad request, the parameters at fault.
import type { z } from 'zod'

import type { ProblemSchema } from './problem-schema'

export type Problem = z.infer<typeof ProblemSchema>

/** Problem types are URNs: stable names a client can compare, not addresses to fetch. */
const PROBLEM_BASE = 'urn:cloudlex:problem:'

export const PROBLEM_KINDS = {
  'unknown-parameter': { status: 400, title: 'Unknown query parameter' },
  'invalid-parameter': { status: 400, title: 'Invalid parameter' },
  'invalid-address': { status: 400, title: 'Invalid address' },
  'invalid-key': { status: 401, title: 'Invalid API key' },
  'preview-not-allowed': { status: 403, title: 'Drafts not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'cursor-expired': { status: 410, title: 'Cursor expired' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'too-many-streams': { status: 503, title: 'Too many open streams' },
} as const

export type ProblemKind = keyof typeof PROBLEM_KINDS

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export function problem(
  kind: ProblemKind,
  instance: string,
  detail: string,
  parameters?: Problem['parameters'],
): Problem {
  const { status, title } = PROBLEM_KINDS[kind]
  return { type: `${PROBLEM_BASE}${kind}`, title, status, detail, instance, ...(parameters ? { parameters } : {}) }
}

/** The answer for a problem: never stored by a shared cache, since it says nothing about content. */
export function problemResponse(details: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(details), {
    status: details.status,
    headers: { ...headers, 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' },
  })
}

/** The 400 answer for one query parameter with a bad value, naming it. */
export function invalidParameterResponse(instance: string, name: string, message: string): Response {
  return problemResponse(
    problem('invalid-parameter', instance, `Invalid query parameter: ${name} (${message}).`, [{ name, message }]),
  )
}
