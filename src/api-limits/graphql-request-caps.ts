// The request caps for GraphQL, as validation rules that run on the query document before anything
// executes, so a refused query answers 400 at once: query depth and aliases (graphql-armor), and the
// `limit`/`page`/`pagination`/`where`/`depth` arguments of every field, list, join and rich text alike.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import {
  GraphQLError,
  valueFromASTUntyped,
  type ExecutionArgs,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

import { callerKindOf, findCapViolation, REQUEST_CAPS, type ListParams, type RequestCaps } from './request-caps'

/** A query document may define a few operations (a request runs one of them); more is abuse. */
export const MAX_GRAPHQL_OPERATIONS = 5

/** What Payload allows at most, summed over a query's fields (its default is 1000); see the README. */
export const GRAPHQL_MAX_COMPLEXITY = 500

const LIST_ARGUMENTS = new Set(['depth', 'limit', 'page', 'pagination', 'where'])

/** Join fields list every joined document when no limit is given. */
const isJoinField = (extensions: unknown) =>
  (extensions as { field?: { type?: string } } | undefined)?.field?.type === 'join'

function listArgumentsRule(caps: RequestCaps, variables: Record<string, unknown> | null | undefined): ValidationRule {
  return (context) => ({
    Field(node) {
      const params: ListParams & Record<string, unknown> = {}
      for (const argument of node.arguments ?? []) {
        if (LIST_ARGUMENTS.has(argument.name.value)) {
          params[argument.name.value] = valueFromASTUntyped(argument.value, variables ?? undefined)
        }
      }
      if (isJoinField(context.getFieldDef()?.extensions) && params.limit === undefined) params.limit = 0
      const problem = Object.keys(params).length > 0 ? findCapViolation(caps, params) : null
      if (problem) context.reportError(new GraphQLError(`${node.name.value}: ${problem}`, { nodes: node }))
    },
  })
}

const operationCountRule: ValidationRule = (context) => ({
  Document(node) {
    const operations = node.definitions.filter((definition) => definition.kind === 'OperationDefinition').length
    if (operations > MAX_GRAPHQL_OPERATIONS) {
      context.reportError(
        new GraphQLError(
          `A query may define at most ${MAX_GRAPHQL_OPERATIONS} operations; this one defines ${operations}.`,
        ),
      )
    }
  },
})

const reportRejection = (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)

/** Payload's `graphQL.validationRules`: called per request, with the request (and its user) in the context. */
export function graphQLRequestCapRules(args: ExecutionArgs): ValidationRule[] {
  const req = (args.contextValue as { req?: { user?: unknown } } | undefined)?.req
  const caps = REQUEST_CAPS[callerKindOf(req?.user)]
  // Reported as validation errors (a 400 naming the limit); graphql-armor's default throws out of validation.
  const armor = { exposeLimits: true, propagateOnRejection: false, onReject: [reportRejection] }
  return [
    operationCountRule,
    maxDepthRule({ n: caps.graphQLMaxDepth, ...armor }),
    maxAliasesRule({ n: caps.graphQLMaxAliases, ...armor }),
    listArgumentsRule(caps, args.variableValues),
  ]
}
