// What caches in front of the app (a CDN, the nginx of a deployment) may do with a response. Next marks
// the pages it serves from its rendering cache as cacheable for a year; those are revalidated here by
// tag the moment content changes, so shared caches get a short lifetime instead, plus leave to serve a
// stale copy while they fetch a fresh one or while the app is down. Anything asked for with a sign-in
// or draft-preview cookie, or an Authorization header, is never stored by a shared cache, whatever Next decided.
import { hasSessionCookie } from '../site-cache/session-cookies'

import type { Environment } from '../config/environment'

export const PRIVATE_CACHE_CONTROL = 'private, no-store'

export type SharedCacheSettings = {
  sharedMaxAgeSeconds: number
  staleWhileRevalidateSeconds: number
  staleIfErrorSeconds: number
}

function seconds(env: Environment, name: string, fallback: number): number {
  const text = env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number of seconds, not "${text}".`)
  return value
}

export function readSharedCacheSettings(env: Environment): SharedCacheSettings {
  return {
    sharedMaxAgeSeconds: seconds(env, 'CLOUDLEX_SHARED_CACHE_SECONDS', 30),
    staleWhileRevalidateSeconds: seconds(env, 'CLOUDLEX_STALE_WHILE_REVALIDATE_SECONDS', 300),
    staleIfErrorSeconds: seconds(env, 'CLOUDLEX_STALE_IF_ERROR_SECONDS', 86_400),
  }
}

export type ResponseFacts = {
  path: string
  status: number
  nextCacheControl: string | undefined
  cookieHeader: string | undefined
  /** An Authorization header (API key, bearer token): the answer is that caller's. */
  authorized: boolean
}

/** The Cache-Control to send instead of Next's, or null to keep Next's. */
export function sharedCacheControl(facts: ResponseFacts, settings: SharedCacheSettings): string | null {
  if (facts.path.startsWith('/_next/static/')) return null
  if (facts.authorized || hasSessionCookie(facts.cookieHeader)) return PRIVATE_CACHE_CONTROL
  const cacheable = facts.status === 200 && /s-maxage=/.test(facts.nextCacheControl ?? '')
  if (!cacheable) return null
  const { sharedMaxAgeSeconds, staleWhileRevalidateSeconds, staleIfErrorSeconds } = settings
  return `public, max-age=0, s-maxage=${sharedMaxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}, stale-if-error=${staleIfErrorSeconds}`
}
