// How the admin's sign-in cookie is set (Payload's `auth.cookies` on the users collection).
import type { IncomingAuthType } from 'payload'

import { isHttpsAddress } from '@/http/security-headers'
import { siteUrl } from '@/routes/site-url'

type AuthCookieSettings = NonNullable<IncomingAuthType['cookies']>

/**
 * Secure on every production server and on any https address: the cookie then never travels over
 * plain http. Browsers keep a Secure cookie from http://localhost and http://127.0.0.1 (loopback
 * counts as a secure context), so a local production run such as the e2e suite still signs in; a
 * production server on plain http elsewhere cannot, which is the point. `next dev` on http leaves it
 * off, since not every browser makes that exception. SameSite=Lax keeps the cookie off cross-site
 * POSTs and frames while still signing people in when they follow a link to the admin.
 */
export function authCookies({
  production = process.env.NODE_ENV === 'production',
  serverUrl = siteUrl(),
}: { production?: boolean; serverUrl?: string } = {}): AuthCookieSettings {
  return { secure: production || isHttpsAddress(serverUrl), sameSite: 'Lax' }
}
