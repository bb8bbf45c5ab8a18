// What a collection the site shows, outside the review workflow (categories, providers, media), shares:
// every change is audited and recorded as a site change, which expires the cached pages and answers
// showing it, and edits carry a revision.
import type { CollectionConfig } from 'payload'

import { auditCollectionHooks } from '@/audit/audit-hooks'
import { withRevisions } from '@/concurrency/revisions'
import type { SiteCollection } from '@/site-cache/cache-tags'
import { contentChangeHooks } from '@/site-cache/record-content-change'

type AuditedHooks = 'beforeChange' | 'afterChange' | 'afterDelete'

type AuditedSiteCollectionArgs = Omit<CollectionConfig, 'slug' | 'hooks'> & {
  slug: SiteCollection
  /** The field that names a document in the audit log. */
  titleField: string
  hooks?: Omit<NonNullable<CollectionConfig['hooks']>, AuditedHooks>
}

export function auditedSiteCollection({ titleField, hooks, ...config }: AuditedSiteCollectionArgs): CollectionConfig {
  const audit = auditCollectionHooks({ titleField })
  const siteChange = contentChangeHooks(config.slug)
  return withRevisions({
    ...config,
    hooks: {
      ...hooks,
      beforeChange: [audit.beforeChange],
      afterChange: [audit.afterChange, siteChange.afterChange],
      afterDelete: [audit.afterDelete, siteChange.afterDelete],
    },
  })
}
