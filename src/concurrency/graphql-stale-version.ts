// GraphQL clients branch on `extensions.code`; Payload's GraphQL errors carry only the error's name and
// data, so a refused stale write gets its code here (config `afterError`, which GraphQL errors reach).
import type { GraphQLError } from 'graphql'
import type { AfterErrorHook } from 'payload'

import { STALE_VERSION_CODE, StaleVersionError } from './stale-version-error'

export const codeStaleVersionGraphqlErrors: AfterErrorHook = ({ error, graphqlResult }) => {
  if (!graphqlResult) return
  const original = (error as GraphQLError).originalError ?? error
  if (!(original instanceof StaleVersionError)) return
  return { graphqlResult: { ...graphqlResult, extensions: { ...graphqlResult.extensions, code: STALE_VERSION_CODE } } }
}
