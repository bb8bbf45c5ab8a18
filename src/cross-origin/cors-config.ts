// Which other origins may call the REST and GraphQL APIs from a browser (CLOUDLEX_CORS_ORIGINS), and the
// request headers they may send beyond Payload's own list. Unset: no cross-origin access, as before.
import type { CORSConfig } from 'payload'

/** Optimistic concurrency sends these (docs/api.md, "Concurrent edits"); browsers only let through the listed ones. */
export const VALIDATOR_REQUEST_HEADERS = ['If-Match', 'If-None-Match'] as const

export const CORS_ORIGINS_VARIABLE = 'CLOUDLEX_CORS_ORIGINS'

/** An origin as a browser sends it: scheme, host and port, nothing after. */
function asOrigin(text: string): string {
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== text) {
    throw new Error(
      `${CORS_ORIGINS_VARIABLE}: "${text}" is not an origin; write it as https://app.example.com (scheme, host, port; no path or trailing slash).`,
    )
  }
  return text
}

export function readCorsConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): CORSConfig | undefined {
  const text = env[CORS_ORIGINS_VARIABLE]?.trim()
  if (!text) return undefined
  const headers = [...VALIDATOR_REQUEST_HEADERS]
  if (text === '*') return { origins: '*', headers }
  const origins = text
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map(asOrigin)
  return { origins, headers }
}
