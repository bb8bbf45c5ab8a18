// The schema of a problem-details answer (./problem.ts), for the OpenAPI document.
import { z } from 'zod'

export const ProblemSchema = z
  .object({
    type: z.string().meta({
      description: 'A URN naming the kind of problem, stable across releases.',
      example: 'urn:cloudlex:problem:unknown-parameter',
    }),
    title: z.string().meta({ description: 'A short summary of the kind of problem.' }),
    status: z.number().int().meta({ description: 'The HTTP status code of this answer.' }),
    detail: z.string().meta({ description: 'What went wrong with this request, in words.' }),
    instance: z.string().meta({ description: 'The path that was asked for.' }),
    parameters: z
      .array(z.object({ name: z.string(), message: z.string() }).meta({ id: 'ProblemParameter' }))
      .optional()
      .meta({ description: 'For a bad request: each query or path parameter at fault, and why.' }),
  })
  .meta({ id: 'Problem', description: 'An error, as RFC 9457 problem details.' })
