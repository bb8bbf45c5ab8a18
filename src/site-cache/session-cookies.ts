// The cookies that make an answer one caller's own: a sign-in (Payload's session) or a draft preview.
// A request carrying either is never answered from, or stored in, a cache shared between callers.
export const SESSION_COOKIES = ['payload-token', '__prerender_bypass'] as const

export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  if (!cookieHeader) return false
  return cookieHeader.split(';').some((pair) => {
    const name = pair.split('=')[0]!.trim()
    return (SESSION_COOKIES as readonly string[]).includes(name)
  })
}
