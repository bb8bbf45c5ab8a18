// Wraps Payload's REST and GraphQL route handlers (src/app/(payload)/api) so a malformed request is answered
// with a 4xx naming the problem before Payload sees it. Payload parses a GraphQL body outside its error
// handling and hands a malformed multipart body to a parser that throws, and both surface as 500.
// Bodies are read from a clone, so the handler still gets the whole request; the custom server
// (src/server/request-body-limits.ts) caps API bodies at 12 MiB before they are read.
import { fragmentCycleErrors } from './graphql-fragment-cycles'
import { graphqlContentTypeProblem, isMultipart, multipartProblem, type BodyRefusal } from './request-body-shape'

type RouteHandler<Context extends unknown[]> = (request: Request, ...context: Context) => Promise<Response>

const WRITE_METHODS = new Set(['PATCH', 'POST', 'PUT'])

function refusal(
  { status, message }: { status: number; message: string },
  headers: Record<string, string> = {},
): Response {
  return Response.json({ errors: [{ message }] }, { status, headers })
}

async function malformedMultipart(request: Request): Promise<BodyRefusal | null> {
  const contentType = request.headers.get('content-type')
  if (!WRITE_METHODS.has(request.method) || !contentType || !isMultipart(contentType)) return null
  return multipartProblem(contentType, new Uint8Array(await request.clone().arrayBuffer()))
}

/** Payload's REST handler, refusing a write whose multipart body its parser would fail on. */
export function guardRestRoute<Context extends unknown[]>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, ...context) => {
    const problem = await malformedMultipart(request)
    return problem ? refusal(problem) : handler(request, ...context)
  }
}

function parseJson(text: string): { value: unknown } | BodyRefusal {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (error) {
    return { status: 400, message: `The request body is not valid JSON: ${(error as Error).message}` }
  }
}

async function malformedGraphql(request: Request): Promise<BodyRefusal | null> {
  const contentTypeProblem = graphqlContentTypeProblem(request.headers.get('content-type'))
  if (contentTypeProblem) return contentTypeProblem
  const parsed = parseJson(await request.clone().text())
  if (!('value' in parsed)) return parsed
  const query =
    parsed.value && typeof parsed.value === 'object' ? (parsed.value as { query?: unknown }).query : undefined
  const [cycle] = fragmentCycleErrors(query)
  return cycle ? { status: 400, message: cycle } : null
}

/** Payload's GraphQL POST handler, refusing a body it would answer with 500 or an empty 415. */
export function guardGraphqlRoute<Context extends unknown[]>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, ...context) => {
    const problem = await malformedGraphql(request)
    return problem ? refusal(problem) : handler(request, ...context)
  }
}

/** Every method of /api/graphql but POST and OPTIONS: Payload serves GraphQL over POST only. */
export function graphqlMethodNotAllowed(request: Request): Response {
  return refusal(
    {
      status: 405,
      message: `/api/graphql answers POST only; send the query as JSON in a POST body, not by ${request.method}.`,
    },
    { Allow: 'POST, OPTIONS' },
  )
}
