// What every reviewed collection (terms, use cases, FAQs) shares: who may read and write it, drafts
// with scheduling, the workflow and audit hooks, and the workflow fields. Each collection adds its own.
import type { CollectionConfig, Field } from 'payload'

import { authenticated } from '@/access/authenticated'
import { authenticatedOrPublished } from '@/access/authenticated-or-published'
import { canDeleteContent, canUpdateContent, isStaff } from '@/access/content-access'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { withRevisions } from '@/concurrency/revisions'
import { contentChangeHooks } from '@/site-cache/record-content-change'
import type { SiteCollection } from '@/site-cache/cache-tags'

import { workflowFields } from './fields'
import { enforceWorkflow, recordApprovedRevision, rememberDraftMode } from './hooks/enforce-workflow'
import { guardSingleDelete, refuseDeletingPublishedHistory } from './hooks/guard-delete'

type ReviewedCollectionArgs = Omit<
  CollectionConfig,
  'slug' | 'access' | 'versions' | 'lockDocuments' | 'fields' | 'hooks'
> & {
  slug: SiteCollection
  /** The field that names a document in the audit log. */
  titleField: string
  fields: Field[]
  hooks?: CollectionConfig['hooks']
}

export function reviewedCollection({ titleField, fields, hooks, ...config }: ReviewedCollectionArgs): CollectionConfig {
  const audit = auditCollectionHooks({ titleField })
  const siteChange = contentChangeHooks(config.slug)
  const collection = withRevisions({
    ...config,
    access: {
      read: authenticatedOrPublished,
      readVersions: authenticated,
      create: isStaff,
      update: canUpdateContent,
      delete: canDeleteContent,
    },
    admin: {
      // The list view reads only the visible columns instead of whole documents (with their arrays,
      // relationships and joins), and relationship cells fetch only the related document's title.
      enableListViewSelectAPI: true,
      ...config.admin,
    },
    // The editorial desk lists documents in a stage, most recently updated first (src/workflow/dashboard-queries.ts).
    indexes: [{ fields: ['workflowStage', 'updatedAt'] }, ...(config.indexes ?? [])],
    versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
    // Stages decide who edits a document when; Payload's edit lock would also block each hand-off in
    // the review (a tab left open keeps it for minutes), so the workflow replaces it.
    lockDocuments: false,
    hooks: {
      ...hooks,
      beforeOperation: [rememberDraftMode, guardSingleDelete, ...(hooks?.beforeOperation ?? [])],
      beforeDelete: [refuseDeletingPublishedHistory, siteChange.beforeDelete, ...(hooks?.beforeDelete ?? [])],
      beforeChange: [enforceWorkflow, audit.beforeChange, siteChange.beforeChange, ...(hooks?.beforeChange ?? [])],
      afterChange: [audit.afterChange, siteChange.afterChange, ...(hooks?.afterChange ?? [])],
      afterDelete: [audit.afterDelete, siteChange.afterDelete, ...(hooks?.afterDelete ?? [])],
    },
    fields: [...fields, ...workflowFields],
  })
  // The approved revision is the revision this write claims, so it is recorded after withRevisions' claim.
  const beforeChange = [...(collection.hooks?.beforeChange ?? []), recordApprovedRevision]
  return { ...collection, hooks: { ...collection.hooks, beforeChange } }
}
