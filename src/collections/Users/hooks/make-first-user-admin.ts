import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { FIRST_ACCOUNT_FROM_OPERATOR, firstAccountNeedsOperator, OPERATOR_CREATES_ADMIN } from '../first-account'

const STATUS_FORBIDDEN = 403

/**
 * The very first account administers the installation; every later one starts with the role it is given.
 * In production only the operator creates it (see ../first-account.ts): this hook runs for every route
 * that creates a user, first-register included, so none of them can get around it.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ context, data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs > 0) return data
  if (firstAccountNeedsOperator() && context[OPERATOR_CREATES_ADMIN] !== true) {
    throw new APIError(FIRST_ACCOUNT_FROM_OPERATOR, STATUS_FORBIDDEN, undefined, true)
  }
  return { ...data, role: 'admin' }
}
