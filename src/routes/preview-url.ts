// Draft-preview links and their secret. No Next imports: the Payload config uses this too.
import crypto from 'node:crypto'

import { siteUrl } from './site-url'

type PreviewEnv = Partial<Record<'CLOUDLEX_PREVIEW_SECRET' | 'PAYLOAD_SECRET', string>>

export function previewSecret(env: PreviewEnv = process.env as PreviewEnv): string {
  const configured = env.CLOUDLEX_PREVIEW_SECRET?.trim()
  if (configured) return configured
  return crypto
    .createHmac('sha256', env.PAYLOAD_SECRET ?? '')
    .update('cloudlex-draft-preview')
    .digest('hex')
}

export function isPreviewSecret(candidate: string | null): boolean {
  if (!candidate) return false
  const expected = Buffer.from(previewSecret())
  const given = Buffer.from(candidate)
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

/** Control characters and backslashes, which URL parsers drop or read as "/" (`/%09/evil.example`). */
const hasAmbiguousCharacter = (path: string) =>
  [...path].some((character) => character <= '\u001f' || character === '\u007f' || character === '\\')

/**
 * The path to send a previewer to, or null when `path` is not a path on this site. It is resolved
 * against the site's origin the way a browser would and must stay there; the result is what was
 * resolved, so the redirect cannot mean something else to the browser than it did here.
 */
export function safePreviewPath(path: string | null, origin: string = siteUrl()): string | null {
  if (!path || hasAmbiguousCharacter(path) || !path.startsWith('/') || path.startsWith('//')) return null
  let resolved: URL
  try {
    resolved = new URL(path, origin)
  } catch {
    return null
  }
  if (resolved.origin !== new URL(origin).origin) return null
  const target = `${resolved.pathname}${resolved.search}${resolved.hash}`
  // Dot segments can collapse into a leading "//" ("/.//evil.example"), which is another host.
  return target.startsWith('//') ? null : target
}

export function previewUrlFor(path: string): string {
  const params = new URLSearchParams({ path, secret: previewSecret() })
  return `/next/preview?${params.toString()}`
}
