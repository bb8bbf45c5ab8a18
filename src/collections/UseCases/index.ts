import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { authenticatedOrPublished } from '@/access/authenticated-or-published'
import { canDeleteContent, canUpdateContent, isStaff } from '@/access/content-access'
import { auditCollectionHooks } from '@/audit/audit-hooks'
import { workflowFields } from '@/workflow/fields'
import { enforceWorkflow, rememberDraftMode } from '@/workflow/hooks/enforce-workflow'

const audit = auditCollectionHooks({ titleField: 'organization' })

export const UseCases: CollectionConfig = {
  slug: 'use-cases',
  labels: { singular: 'Use case', plural: 'Use cases' },
  admin: {
    useAsTitle: 'organization',
    defaultColumns: ['organization', 'scenario', 'workflowStage', 'assignee', 'updatedAt'],
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
    { name: 'organization', type: 'text', required: true, index: true },
    { name: 'scenario', type: 'textarea', required: true },
    { name: 'solution', type: 'textarea', required: true },
    { name: 'outcome', type: 'textarea' },
    {
      name: 'terms',
      type: 'join',
      collection: 'terms',
      on: 'useCases',
      admin: { description: 'Terms that show this use case. Add it from the term.' },
    },
    ...workflowFields,
  ],
}
