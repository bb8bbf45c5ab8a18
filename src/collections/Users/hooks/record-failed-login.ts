// A refused sign-in (wrong password, locked account, missing field) throws out of Payload's login
// operation, which has no hook for it. The error reaches Payload's `afterError` hooks instead: the users
// collection's for the REST route (which the admin's login form posts to), the config's for GraphQL.
// Local API logins (`payload.login`) report their errors to the calling code only.
import { type GraphQLError, Kind, type ValueNode } from 'graphql'
import type { AfterErrorHook, CollectionAfterErrorHook, PayloadRequest } from 'payload'

import { recordAuditEntry, SYSTEM_ACTOR } from '@/audit/record-audit-entry'

import { countFailedLogin, isTooManyRequests } from './limit-auth-requests'

const USERS = 'users'
/** The GraphQL mutation Payload generates for the users collection's login. */
const GRAPHQL_LOGIN_FIELD = 'loginUser'

const MAX_EMAIL_LENGTH = 254

function normalizedEmail(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase().slice(0, MAX_EMAIL_LENGTH) : undefined
}

async function recordRefusedLogin(req: PayloadRequest, email: string | undefined, error: Error): Promise<void> {
  // A sign-in refused by the rate limit never reached the password check: neither a failure to count nor
  // an event worth a database write per request while someone hammers the route.
  if (isTooManyRequests(error)) return
  await countFailedLogin(req, email)
  try {
    // The login's own transaction, if it opened one, is rolled back: look up and write outside it.
    const account = email
      ? await req.payload.db.findOne<{ id: string }>({ collection: USERS, where: { email: { equals: email } } })
      : null
    await recordAuditEntry(
      req,
      {
        action: 'failed-login',
        actor: SYSTEM_ACTOR,
        targetCollection: USERS,
        targetId: account?.id,
        targetTitle: email ?? '(no email given)',
        note: error.message,
      },
      { separateTransaction: true },
    )
  } catch (err) {
    // The sign-in has already failed; failing to record it must not turn the refusal into a server error.
    req.payload.logger.error({ err, msg: 'Could not record a failed login in the audit log' })
  }
}

function isRestLogin(req: PayloadRequest, slug: string): boolean {
  if (req.method !== 'POST' || !req.url) return false
  return new URL(req.url).pathname.replace(/\/+$/, '').endsWith(`/${slug}/login`)
}

/** Users collection `afterError`: a failed POST /api/users/login. */
export const recordFailedRestLogin: CollectionAfterErrorHook = async ({ collection, error, req }) => {
  if (!isRestLogin(req, collection.slug)) return
  const data = req.data as Record<string, unknown> | undefined
  await recordRefusedLogin(req, normalizedEmail(data?.email), error)
}

function graphqlStringValue(value: ValueNode | undefined, variables: Record<string, unknown> | undefined) {
  if (value?.kind === Kind.STRING) return value.value
  if (value?.kind === Kind.VARIABLE) return variables?.[value.name.value]
  return undefined
}

/** Config `afterError`: a failed `loginUser` GraphQL mutation. REST errors are left to the collection hook. */
export const recordFailedGraphQLLogin: AfterErrorHook = async ({ error, graphqlResult, req }) => {
  if (!graphqlResult) return
  const { nodes, originalError } = error as GraphQLError
  const field = nodes?.[0]
  if (field?.kind !== Kind.FIELD || field.name.value !== GRAPHQL_LOGIN_FIELD) return
  const variables = (req.data as { variables?: Record<string, unknown> } | undefined)?.variables
  const emailArgument = field.arguments?.find((argument) => argument.name.value === 'email')
  await recordRefusedLogin(
    req,
    normalizedEmail(graphqlStringValue(emailArgument?.value, variables)),
    originalError ?? error,
  )
}
