// The Content Security Policy nonce of the request being rendered (set by src/proxy.ts), for the inline
// scripts the site writes itself. Next puts it on its own scripts without help.
import { headers } from 'next/headers'

import { NONCE_HEADER } from './security-headers'

export async function getRequestNonce(): Promise<string | undefined> {
  return (await headers()).get(NONCE_HEADER) ?? undefined
}
