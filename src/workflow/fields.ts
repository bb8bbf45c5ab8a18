// The workflow's fields on every reviewed collection (terms, use cases, FAQs).
import type { Field } from 'payload'

import { FIRST_PUBLISHED_FIELD } from '@/access/content-access'
import { REVIEWER_ROLES } from '@/access/roles'
import { staffOnlyField } from '@/access/staff-only-field'
import { REVISION_FIELD } from '@/concurrency/revision-tags'

import { APPROVED_REVISION_FIELD } from './approved-revision'
import { STAGE_LABELS, STAGES } from './stages'

export const REVIEW_ENTRY_KINDS = ['comment', 'submitted', 'changes-requested', 'approved', 'override'] as const

/** Fields the workflow itself maintains; editing them is not an edit of the content. */
export const WORKFLOW_FIELD_NAMES = new Set([
  'workflowStage',
  'workflowActions',
  'assignee',
  'createdBy',
  'transitionNote',
  'reviewThread',
  FIRST_PUBLISHED_FIELD,
  APPROVED_REVISION_FIELD,
  REVISION_FIELD,
  '_status',
  'updatedAt',
  'createdAt',
  'id',
])

/** Review data is for the editorial team: readers get none of it on any surface. */
const staffOnly = { read: staffOnlyField }

/** Written by the workflow hook only: no client, whatever its role, may set it (Payload drops the value). */
const keptByTheServer = { read: staffOnlyField, create: () => false, update: () => false }

export const workflowFields: Field[] = [
  {
    name: 'workflowActions',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/admin/workflow-actions#WorkflowActions' } },
  },
  {
    name: 'workflowStage',
    access: staffOnly,
    type: 'select',
    defaultValue: 'draft',
    index: true,
    label: 'Stage',
    options: STAGES.map((stage) => ({ label: STAGE_LABELS[stage], value: stage })),
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: 'Changed with the workflow buttons above (or by API clients); the server checks each step.',
    },
  },
  {
    name: 'assignee',
    access: staffOnly,
    type: 'relationship',
    relationTo: 'users',
    index: true,
    admin: { position: 'sidebar', description: 'The reviewer responsible for this document.' },
    filterOptions: { role: { in: [...REVIEWER_ROLES] } },
  },
  {
    name: 'createdBy',
    access: staffOnly,
    type: 'relationship',
    relationTo: 'users',
    index: true,
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'transitionNote',
    access: staffOnly,
    type: 'textarea',
    virtual: true,
    label: 'Review note',
    admin: {
      position: 'sidebar',
      // Payload shows virtual fields read-only unless told otherwise; this one is typed in.
      readOnly: false,
      description: 'Added to the review thread on save. Required when requesting changes.',
    },
  },
  {
    name: 'reviewThread',
    access: staffOnly,
    type: 'array',
    label: 'Review thread',
    admin: { readOnly: true, initCollapsed: true },
    fields: [
      { name: 'kind', type: 'select', required: true, options: [...REVIEW_ENTRY_KINDS] },
      { name: 'author', type: 'relationship', relationTo: 'users' },
      { name: 'at', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'body', type: 'textarea' },
    ],
  },
  {
    // Once set, deleting the document (and its history) is for editors and admins only. An access `Where`
    // on it keeps bulk deletes to documents that were never published.
    name: FIRST_PUBLISHED_FIELD,
    type: 'date',
    index: true,
    label: 'First published',
    access: staffOnly,
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime' },
      description:
        'Set by the server on the first publish. From then on only editors and admins can delete this document.',
    },
  },
  {
    name: APPROVED_REVISION_FIELD,
    type: 'number',
    label: 'Approved revision',
    access: keptByTheServer,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description:
        'The revision a reviewer approved, kept while saves change no content. Releases and scheduled publishes publish the document only at this revision.',
    },
  },
]
