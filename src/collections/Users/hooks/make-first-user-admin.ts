import type { CollectionBeforeChangeHook } from 'payload'

/** The very first account administers the installation; every later one starts with the role it is given. */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, role: 'admin' }
  return data
}
