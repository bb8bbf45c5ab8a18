// The MongoDB integration tests' common ground: they run when MONGODB_TEST_URI points at a MongoDB
// replica set (transactions need one), each test file on a database of its own that it drops afterwards.
import crypto from 'node:crypto'

import type { Payload } from 'payload'

export const MONGODB_TEST_URI = process.env.MONGODB_TEST_URI?.trim() || undefined

/** Says once per test file why its MongoDB tests did not run. */
export function reportSkippedWithoutMongo(): void {
  if (!MONGODB_TEST_URI) {
    console.warn('skipped: no MongoDB (set MONGODB_TEST_URI=mongodb://host:27017/?replicaSet=rs0 to run these tests)')
  }
}

/** The test server's address with a database name no other run uses. */
export function withOwnDatabase(uri: string): string {
  const url = new URL(uri)
  url.pathname = `/cloudlex_test_${crypto.randomBytes(4).toString('hex')}`
  return url.toString()
}

export async function dropDatabase(payload: Payload | undefined): Promise<void> {
  const connection = (payload?.db as { connection?: { dropDatabase: () => Promise<unknown> } } | undefined)?.connection
  await connection?.dropDatabase()
}
