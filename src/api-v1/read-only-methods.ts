// Every v1 address is read-only. Next answers a method a route does not export with an empty 405;
// these answer it in the API's own error shape, naming the methods that are allowed.
import { problem, problemResponse } from '../http/problem'

function methodNotAllowed(request: Request): Response {
  const path = new URL(request.url).pathname
  return problemResponse(
    problem('method-not-allowed', path, `${request.method} is not allowed here: the v1 API is read-only (GET, HEAD).`),
    {
      allow: 'GET, HEAD',
    },
  )
}

export const POST = methodNotAllowed
export const PUT = methodNotAllowed
export const PATCH = methodNotAllowed
export const DELETE = methodNotAllowed
