// Lets a cross-origin client read the ETag it must send back as If-Match. Payload answers CORS itself
// (Access-Control-Allow-*), but a browser hides every response header a CORS answer does not expose, and
// Payload names none.
export const EXPOSED_RESPONSE_HEADERS = ['ETag'] as const

type RouteHandler<Context extends unknown[]> = (request: Request, ...context: Context) => Promise<Response>

function exposeValidatorHeaders(response: Response): Response {
  if (!response.headers.has('Access-Control-Allow-Origin')) return response
  try {
    response.headers.set('Access-Control-Expose-Headers', EXPOSED_RESPONSE_HEADERS.join(', '))
    return response
  } catch {
    // Some responses (a fetched file streamed through) have immutable headers: copy them.
    const headers = new Headers(response.headers)
    headers.set('Access-Control-Expose-Headers', EXPOSED_RESPONSE_HEADERS.join(', '))
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}

/** A route handler whose CORS answers expose the document validator. */
export function withExposedValidators<Context extends unknown[]>(
  handler: RouteHandler<Context>,
): RouteHandler<Context> {
  return async (request, ...context) => exposeValidatorHeaders(await handler(request, ...context))
}
