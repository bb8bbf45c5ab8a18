// Draft-preview links and their secret. No Next imports: the Payload config uses this too.
import crypto from 'node:crypto'

type PreviewEnv = Partial<Record<'CLOUDLEX_PREVIEW_SECRET' | 'PAYLOAD_SECRET', string>>

export function previewSecret(env: PreviewEnv = process.env as PreviewEnv): string {
  const configured = env.CLOUDLEX_PREVIEW_SECRET?.trim()
  if (configured) return configured
  return crypto.createHmac('sha256', env.PAYLOAD_SECRET ?? '').update('cloudlex-draft-preview').digest('hex')
}

export function isPreviewSecret(candidate: string | null): boolean {
  if (!candidate) return false
  const expected = Buffer.from(previewSecret())
  const given = Buffer.from(candidate)
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

/** Only same-site paths, so the preview route cannot be used to send people elsewhere. */
export function safePreviewPath(path: string | null): string | null {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null
  return path
}

export function previewUrlFor(path: string): string {
  const params = new URLSearchParams({ path, secret: previewSecret() })
  return `/next/preview?${params.toString()}`
}
