// Refuses a GraphQL document whose fragments spread themselves. graphql runs every validation rule in one
// pass, so the depth and alias rules Payload adds (graphql-request-caps.ts) follow such a cycle until the
// stack overflows before graphql's own NoFragmentCyclesRule can report it. Running that rule first, alone,
// refuses the document with graphql's own message.
import { buildSchema, NoFragmentCyclesRule, parse, validate, type DocumentNode } from 'graphql'

/** NoFragmentCyclesRule looks only at the document; validate() still wants a schema to hold. */
const DOCUMENT_ONLY_SCHEMA = buildSchema('type Query { _unused: Boolean }')

function parseOrNull(query: string): DocumentNode | null {
  try {
    return parse(query)
  } catch {
    // A syntax error: the GraphQL handler reports it with its location.
    return null
  }
}

/** The messages of the fragment cycles in `query`; empty when there are none or it is not a document. */
export function fragmentCycleErrors(query: unknown): string[] {
  if (typeof query !== 'string') return []
  const document = parseOrNull(query)
  if (!document) return []
  return validate(DOCUMENT_ONLY_SCHEMA, document, [NoFragmentCyclesRule]).map((error) => error.message)
}
