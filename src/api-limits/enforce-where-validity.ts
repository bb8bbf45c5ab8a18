// Refuses, before the query runs, a REST or GraphQL `where` the database cannot answer (see where-validity.ts),
// with a 400 naming the path, the operator and why. Staff get the same check: a 500 is never the right answer.
// The Local API (the site, hooks, the admin's server views) builds its own queries and is not checked.
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { findWhereValidityProblem, type QueryField, type WhereValidityContext } from './where-validity'

/** The operations whose arguments carry a caller's `where`. */
const OPERATIONS_WITH_WHERE = new Set(['read', 'count', 'update', 'delete', 'readDistinct'])

function validityContextFor(req: PayloadRequest, fields: QueryField[]): WhereValidityContext {
  // Drizzle adapters (SQLite) list the operators they implement; MongoDB implements every Payload operator.
  const adapterOperators = (req.payload.db as { operators?: Record<string, unknown> }).operators
  const collections = req.payload.collections as Record<string, { config: { flattenedFields: unknown } } | undefined>
  return {
    fields,
    relatedFields: (slug) => collections[slug]?.config.flattenedFields as QueryField[] | undefined,
    databaseSupports: (operator) => !adapterOperators || typeof adapterOperators[operator] === 'function',
  }
}

export const enforceWhereValidity: CollectionBeforeOperationHook = ({ args, collection, operation, overrideAccess, req }) => {
  if ((req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') || overrideAccess) return args
  if (!OPERATIONS_WITH_WHERE.has(operation)) return args
  const where = (args as { where?: unknown }).where
  if (!where) return args
  const problem = findWhereValidityProblem(where, validityContextFor(req, collection.flattenedFields as QueryField[]))
  if (problem) throw new APIError(problem, 400, undefined, true)
  return args
}
