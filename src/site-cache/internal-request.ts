// Requests the server makes to its own app (the cache sync, due jobs, the warm-up at start): they carry a
// per-process secret, so no one outside can trigger them. No Next imports: both the server and the route
// handler use it.
import { timingSafeEqual } from 'node:crypto'

export const INTERNAL_TOKEN_HEADER = 'x-cloudlex-internal-token'
export const INTERNAL_TOKEN_ENV = 'CLOUDLEX_INTERNAL_TOKEN'
export const REVALIDATE_CHANGES_PATH = '/next/revalidate-changes'
export const RUN_DUE_JOBS_PATH = '/next/run-due-jobs'
export const WARM_TERM_DIRECTORY_PATH = '/next/warm-term-directory'

export function isInternalRequest(token: string | null, expected = process.env[INTERNAL_TOKEN_ENV]): boolean {
  if (!token || !expected) return false
  const given = Buffer.from(token)
  const wanted = Buffer.from(expected)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}
