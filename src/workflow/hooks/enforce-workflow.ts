// Applies the editorial workflow on every write of a reviewed document, whatever the route (admin,
// REST, GraphQL, Local API with a user): works out the stage the write leads to, refuses steps the
// actor's role may not take, keeps the owner, the review thread and the approved revision out of the
// client's hands, and lets a release or a scheduled publish publish approved content only.
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'

import { FIRST_PUBLISHED_FIELD } from '@/access/content-access'
import { describeRoles, hasRole, PUBLISHER_ROLES } from '@/access/roles'
import { REVISION_FIELD } from '@/concurrency/revision-tags'

import { APPROVED_REVISION_FIELD, storesApprovedContent, unattendedPublishRefusal } from '../approved-revision'
import { isStage } from '../stages'
import { isUnattendedPublish, UnattendedPublishRefusedError } from '../unattended-publish'
import { WORKFLOW_CONTEXT } from '../../request-context/workflow-context'
import { loadWriteState, type StoredDocument, type WriteState } from './load-write-state'
import { nextReviewThread, reviewEntriesForWrite } from './review-entries'

const SAVING_DRAFT = WORKFLOW_CONTEXT.savingDraft
const RESTORING = WORKFLOW_CONTEXT.restoring
const OVERRIDE = WORKFLOW_CONTEXT.override
const REQUESTED_STAGE = WORKFLOW_CONTEXT.requestedStage

/**
 * Remembers whether this write is a draft save or a restore, and the stage the client asked for (the
 * change hooks are not told: by then Payload has merged the original document into the data), and keeps
 * restoring versions to editors and admins.
 */
export const rememberDraftMode: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { data, draft, overrideAccess } = args as {
    data?: { workflowStage?: unknown }
    draft?: boolean
    overrideAccess?: boolean
  }
  if (operation === 'create' || operation === 'update') {
    req.context[SAVING_DRAFT] = Boolean(draft)
    req.context[RESTORING] = false
    req.context[OVERRIDE] = false
    req.context[REQUESTED_STAGE] = isStage(data?.workflowStage) ? data.workflowStage : null
  }
  if (operation === 'restoreVersion') {
    if (!overrideAccess && !hasRole(req.user, ...PUBLISHER_ROLES)) {
      throw new APIError(`Only ${describeRoles(PUBLISHER_ROLES)} can restore versions.`, 403)
    }
    req.context[SAVING_DRAFT] = Boolean(draft)
    req.context[RESTORING] = true
    req.context[OVERRIDE] = false
    req.context[REQUESTED_STAGE] = null
  }
  return args
}

/**
 * Request-context key under which the workflow tells recordApprovedRevision that this write stores the approved
 * content.
 */
const storesApprovedKey = (collection: string, id: unknown) => `workflowStoresApproved:${collection}:${String(id)}`

type BeforeChangeArgs = Parameters<CollectionBeforeChangeHook>[0]

/** A release or a scheduled publish may publish approved content only. */
function refuseUnattendedPublishOfUnapproved({ collection, operation, req }: BeforeChangeArgs, state: WriteState) {
  if (!(operation === 'update' && state.publishing && state.writesLive && isUnattendedPublish(req))) return
  const refusal = unattendedPublishRefusal({ latestStage: state.latestStage, ...state.approval })
  if (refusal) {
    const title = collection.admin.useAsTitle ? state.previous?.[collection.admin.useAsTitle] : undefined
    throw new UnattendedPublishRefusedError(
      `${collection.slug} ${String(state.stored?.id)}${title ? ` (${String(title)})` : ''}: ${refusal}`,
    )
  }
}

export const enforceWorkflow: CollectionBeforeChangeHook = async (args) => {
  const { collection, data, operation, req } = args
  const user = req.user
  const state = await loadWriteState(args)
  const { savingDraft, stored, previous, live, to, publishing, contentChanged, approval } = state

  refuseUnattendedPublishOfUnapproved(args, state)

  const at = new Date().toISOString()
  const entries = reviewEntriesForWrite(req, operation, state, at)

  if (to === 'unpublished' && savingDraft) {
    throw new APIError('Unpublishing changes the live document: save it without draft mode.', 400)
  }

  const next: Record<string, unknown> = {
    ...data,
    workflowStage: to,
    createdBy: operation === 'create' ? (user ? user.id : (data.createdBy ?? null)) : (previous?.createdBy ?? null),
    reviewThread: nextReviewThread(previous, entries),
    // Kept by the server, never taken from the client or an old version; a document live without one
    // (from before the field existed) gets one now.
    [FIRST_PUBLISHED_FIELD]: live?.[FIRST_PUBLISHED_FIELD] ?? (publishing || live?._status === 'published' ? at : null),
    // Never taken from the client or an old version: recordApprovedRevision moves it on.
    [APPROVED_REVISION_FIELD]: approval.approvedRevision,
  }
  if (operation === 'update') {
    req.context[storesApprovedKey(collection.slug, stored?.id)] = storesApprovedContent({
      stageAfter: to,
      contentChanged,
      ...approval,
    })
  }
  if (to === 'published') next._status = 'published'
  if (to === 'unpublished') next._status = 'draft'
  delete next.transitionNote
  return next
}

/**
 * Runs after the revision has been claimed (src/concurrency/revisions.ts), in the same write: a write that
 * stores the approved content records its own revision as the approved one.
 */
export const recordApprovedRevision: CollectionBeforeChangeHook = ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update') return data
  const key = storesApprovedKey(collection.slug, (originalDoc as StoredDocument | undefined)?.id)
  const storesApproved = req.context[key] === true
  delete req.context[key]
  return storesApproved ? { ...data, [APPROVED_REVISION_FIELD]: data[REVISION_FIELD] } : data
}
