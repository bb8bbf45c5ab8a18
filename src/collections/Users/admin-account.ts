// Creating an admin on the operator's behalf (first start from the environment, `npm run create-admin`).
import type { Payload } from 'payload'

import type { AdminCredentials } from './operator-admin-settings'
import type { User } from '@/payload-types'

import { OPERATOR_CREATES_ADMIN } from './first-account'

export type AdminAccountResult = { outcome: 'created' | 'reset'; user: User }

export async function findUserByEmail(payload: Payload, email: string): Promise<User | undefined> {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
  return docs[0]
}

export async function createAdminAccount(
  payload: Payload,
  { email, password }: AdminCredentials,
  name = 'Admin',
): Promise<User> {
  return payload.create({
    collection: 'users',
    data: { email, password, name, role: 'admin' },
    context: { [OPERATOR_CREATES_ADMIN]: true },
  })
}

/** Makes an existing account an admin with a new password, and lifts a lockout: the operator's way back in. */
export async function resetAdminAccount(payload: Payload, user: User, { password }: AdminCredentials): Promise<User> {
  const updated = await payload.update({ collection: 'users', id: user.id, data: { password, role: 'admin' } })
  // Payload's generated type for unlock asks for a password too; the operation only reads the email.
  await payload.unlock({ collection: 'users', data: { email: user.email, password }, overrideAccess: true })
  return updated
}
