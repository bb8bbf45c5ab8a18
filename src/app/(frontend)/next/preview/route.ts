import { draftMode, headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { hasRole, STAFF_ROLES } from '@/access/roles'
import { getPayloadClient } from '@/site-data/payload-client'
import { isPreviewSecret, safePreviewPath } from '@/routes/preview-url'

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const path = safePreviewPath(url.searchParams.get('path'))
  if (!path) return new Response('Preview needs a path on this site, such as /terms/cloudtrail.', { status: 400 })
  if (!isPreviewSecret(url.searchParams.get('secret'))) {
    return new Response('This preview link is not valid.', { status: 403 })
  }
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  if (!user || !hasRole(user, ...STAFF_ROLES)) {
    return new Response('Sign in to the admin to preview drafts.', { status: 401 })
  }
  ;(await draftMode()).enable()
  redirect(path)
}
