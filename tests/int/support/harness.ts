import path from 'node:path'

import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import type { Role } from '@/access/roles'
import { readTermFiles } from '@/content-format/read-term-files'
import type { TermDocument } from '@/content-format/types'
import { seedProviders } from '@/first-start/seed-providers'
import type { User } from '@/payload-types'

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')
export const SEED_DIR = path.join(REPO_ROOT, 'seed')

/** Payload on this test file's own database (keyed by it, since Payload caches instances per process). */
export function getTestPayload(): Promise<Payload> {
  return getPayload({ config, key: process.env.DATABASE_URI })
}

let userCounter = 0

/** The password of every user createStaffUser makes. */
export const STAFF_PASSWORD = 'correct-horse-battery-staple'

/** A user with exactly this role (the very first account of a database would otherwise become admin). */
export async function createStaffUser(payload: Payload, role: Role): Promise<User> {
  userCounter += 1
  const user = await payload.create({
    collection: 'users',
    data: { email: `${role}-${userCounter}@test.cloudlex`, password: STAFF_PASSWORD, role },
  })
  if (user.role === role) return user
  return payload.update({ collection: 'users', id: user.id, data: { role } })
}

export async function readSeedDocuments(): Promise<TermDocument[]> {
  const files = await readTermFiles([path.join(SEED_DIR, 'terms')])
  return files.map(({ file, result }) => {
    if (!result.ok) throw new Error(`${file} does not parse: ${JSON.stringify(result.problems)}`)
    return result.document
  })
}

export async function seedProvidersForTest(payload: Payload): Promise<void> {
  await seedProviders(payload, SEED_DIR)
}
