// Applies the request caps to REST calls: a `beforeOperation` hook on every collection. GraphQL is
// checked on the query document before it runs (graphql-request-caps.ts), and the Local API (the public
// site, the admin's server views, hooks) is never capped.
import { APIError, type CollectionBeforeOperationHook, type CollectionConfig, type PayloadRequest } from 'payload'

import { enforceWhereValidity } from './enforce-where-validity'
import { callerKindOf, defaultDepthFor, findCapViolation, REQUEST_CAPS, type ListParams } from './request-caps'

/**
 * Only the operation a request asked for is checked. Everything it runs next on the same request
 * (relationship population reads every level with `pagination: false`, hooks read what they need)
 * is server code choosing its own parameters.
 */
const CHECKED = 'requestCapsChecked'

/**
 * Serving an upload's bytes (GET /api/<collection>/file/<name>) asks for no list. The S3 storage adapter
 * finds the file's document on that request with parameters of its own (`pagination: false`, under the
 * reader's access), which the anonymous caps would refuse, failing every anonymous read of a media file.
 */
const servesUploadFile = (req: PayloadRequest) => typeof req.routeParams?.filename === 'string'

export const enforceRequestCaps: CollectionBeforeOperationHook = ({ args, overrideAccess, req }) => {
  if (req.payloadAPI !== 'REST' || overrideAccess || req.context[CHECKED] || servesUploadFile(req)) return args
  req.context[CHECKED] = true
  const caps = REQUEST_CAPS[callerKindOf(req.user)]
  const params = args as ListParams
  const problem = findCapViolation(caps, params)
  if (problem) throw new APIError(problem, 400, undefined, true)
  if (params.depth === undefined || params.depth === null) return { ...args, depth: defaultDepthFor(caps, params) }
  return args
}

/**
 * The collection with the caps and `where` checks first, before any hook that could read on the request's
 * behalf.
 */
export function withRequestCaps(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  const beforeOperation = [enforceRequestCaps, enforceWhereValidity, ...(hooks.beforeOperation ?? [])]
  return { ...collection, hooks: { ...hooks, beforeOperation } }
}
