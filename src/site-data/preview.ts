// Draft preview: a link with a secret turns on Next's draft mode, but drafts are only shown to a
// request that is also signed in as staff, so a leaked link reveals nothing. Links: src/routes/preview-url.ts.
import { draftMode, headers } from 'next/headers'
import type { TypedUser } from 'payload'

import { hasRole, STAFF_ROLES } from '@/access/roles'

import { getPayloadClient } from './payload-client'

/** The staff member previewing drafts in this request, or null when drafts must not be shown. */
export async function getPreviewViewer(): Promise<TypedUser | null> {
  const draft = await draftMode()
  if (!draft.isEnabled) return null
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  if (!user || !hasRole(user, ...STAFF_ROLES)) return null
  return user
}
