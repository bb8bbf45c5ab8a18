// Reads of single terms for the public site: the published term from the cached snapshot, or, for a
// signed-in member of staff in draft preview, the latest saved version read with their own rights.
import type { TypedUser } from 'payload'

import { getPayloadClient } from './payload-client'
import { getSiteContent } from './site-content'
import { toTermView, type TermView } from './term-view'

export async function getPublishedTermBySlug(slug: string): Promise<TermView | null> {
  const content = await getSiteContent()
  return content.termsBySlug.get(slug) ?? null
}

/** The latest version, drafts included, as the viewer may see it; never cached. */
export async function getTermPreviewBySlug(slug: string, viewer: TypedUser): Promise<TermView | null> {
  const payload = await getPayloadClient()
  const result = await payload.find({
    collection: 'terms',
    overrideAccess: false,
    user: viewer,
    draft: true,
    depth: 1,
    limit: 1,
    where: { slug: { equals: slug } },
  })
  const term = result.docs[0]
  return term ? toTermView(term) : null
}
