import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { authenticatedOrPublished } from '@/access/authenticated-or-published'
import { canDeleteContent, canUpdateContent, isStaff } from '@/access/content-access'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { workflowFields } from '@/workflow/fields'
import { enforceWorkflow, rememberDraftMode } from '@/workflow/hooks/enforce-workflow'

const audit = auditCollectionHooks({ titleField: 'question' })

export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'workflowStage', 'assignee', 'updatedAt'],
  },
  access: {
    read: authenticatedOrPublished,
    readVersions: authenticated,
    create: isStaff,
    update: canUpdateContent,
    delete: canDeleteContent,
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  // Stages decide who edits a document when; Payload's edit lock would also block each hand-off in the
  // review (a tab left open keeps it for minutes), so the workflow replaces it.
  lockDocuments: false,
  hooks: {
    beforeOperation: [rememberDraftMode],
    beforeChange: [enforceWorkflow, audit.beforeChange],
    afterChange: [audit.afterChange],
    afterDelete: [audit.afterDelete],
  },
  fields: [
    { name: 'question', type: 'text', required: true, index: true },
    { name: 'answer', type: 'richText', required: true },
    {
      name: 'terms',
      type: 'join',
      collection: 'terms',
      on: 'faqs',
      admin: { description: 'Terms that show this question. Add it from the term.' },
    },
    ...workflowFields,
  ],
}
