// Any other address under /api/v1 is answered in the API's own error shape, not by Payload's REST API.
import { problem, problemResponse } from '@/http/problem'

export function GET(request: Request): Response {
  const path = new URL(request.url).pathname
  return problemResponse(
    problem('not-found', path, `The v1 API has nothing at ${path}. Its endpoints are listed in /api/v1/openapi.json.`),
  )
}

export { DELETE, PATCH, POST, PUT } from '@/api-v1/read-only-methods'
