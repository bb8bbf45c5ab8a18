// Refuses, before the query runs, a REST or GraphQL `where` the database cannot answer (see where-validity.ts),
// with a 400 naming the path, the operator and why: the `where` of reads, counts, bulk updates and deletes,
// of version lists and of join fields (`joins[terms][where]`). Staff get the same check: a 500 is never the
// right answer. The Local API (the site, hooks, the admin's server views) builds its own queries and is not checked.
import {
  APIError,
  buildVersionCollectionFields,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'

import { resolveFieldPath } from './where-field-path'
import { findWhereValidityProblem, type QueryField, type WhereValidityContext } from './where-validity'

/**
 * The operations whose arguments carry a caller's `where` over a collection's documents (or, for 'read', its
 * versions).
 */
const DOCUMENT_OPERATIONS = new Set(['read', 'count', 'update', 'delete', 'readDistinct'])

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

/** `joins[<join field>][where]` is a `where` over the joined collection. */
function joinsProblem(joins: unknown, context: WhereValidityContext): string | null {
  if (!joins || typeof joins !== 'object') return null
  for (const [joinPath, query] of Object.entries(joins)) {
    const where = query && typeof query === 'object' ? (query as { where?: unknown }).where : undefined
    const joinField = where ? resolveFieldPath(context.fields, joinPath, context.relatedFields)?.field : undefined
    const joinedFields =
      typeof joinField?.collection === 'string' ? context.relatedFields(joinField.collection) : undefined
    if (!joinedFields) continue
    const problem = findWhereValidityProblem(where, { ...context, fields: joinedFields }, `joins[${joinPath}][where]`)
    if (problem) return problem
  }
  return null
}

function fieldsQueriedBy(
  operation: string,
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
): QueryField[] | null {
  const ownFields = collection.flattenedFields as QueryField[]
  const versionFields = () => buildVersionCollectionFields(req.payload.config, collection, true) as QueryField[]
  if (operation === 'countVersions') return versionFields()
  if (!DOCUMENT_OPERATIONS.has(operation)) return null
  if (operation !== 'read' || !collection.versions) return ownFields
  // Payload runs these hooks for a version list (findVersions) as 'read' too: a read may name version paths
  // (`version.title`, `parent`, `latest`); the document's own fields win where names clash.
  const ownNames = new Set(ownFields.map((field) => field.name))
  return [...ownFields, ...versionFields().filter((field) => !ownNames.has(field.name))]
}

export const enforceWhereValidity: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if ((req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') || overrideAccess) return args
  const fields = fieldsQueriedBy(operation, req, collection)
  if (!fields) return args
  const { where, joins } = args as { where?: unknown; joins?: unknown }
  const context = validityContextFor(req, fields)
  const problem = findWhereValidityProblem(where, context) ?? joinsProblem(joins, context)
  if (problem) throw new APIError(problem, 400, undefined, true)
  return args
}
