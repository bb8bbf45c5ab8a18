// Applies the editorial workflow on every write of a reviewed document, whatever the route (admin,
// REST, GraphQL, Local API with a user): works out the stage the write leads to, refuses steps the
// actor's role may not take, keeps the owner, the review thread and the approved revision out of the
// client's hands, and lets a release or a scheduled publish publish approved content only.
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { FIRST_PUBLISHED_FIELD } from '@/access/content-access'
import { describeRoles, hasRole, PUBLISHER_ROLES, roleOf } from '@/access/roles'
import { relationId } from '@/lib/relations'
import { REVISION_FIELD } from '@/concurrency/revision-tags'

import { APPROVED_REVISION_FIELD, storesApprovedContent, unattendedPublishRefusal } from '../approved-revision'
import { changedContentFields } from '../changed-content-fields'
import { WORKFLOW_FIELD_NAMES } from '../fields'
import { AUTHOR_EDITABLE_STAGES, isStage, STAGE_LABELS, type Stage } from '../stages'
import { targetStage } from '../target-stage'
import { decideTransition, type TransitionAction } from '../transitions'
import { isUnattendedPublish, UnattendedPublishRefusedError } from '../unattended-publish'

/** Request-context keys this hook sets for the rest of the write (the audit trail reads them). */
export const WORKFLOW_CONTEXT = {
  savingDraft: 'workflowSavingDraft',
  restoring: 'workflowRestoring',
  override: 'workflowOverride',
  requestedStage: 'workflowRequestedStage',
} as const
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

type ReviewEntry = { kind: string; author: string | null; at: string; body: string | null }

const ENTRY_KIND_BY_ACTION: Partial<Record<TransitionAction, string>> = {
  submit: 'submitted',
  'request-changes': 'changes-requested',
  approve: 'approved',
}

type StoredDocument = Record<string, unknown>

/** The stored (non-draft) document: what readers see when it is published. */
async function readLiveDocument(req: PayloadRequest, collection: string, id: unknown): Promise<StoredDocument | null> {
  if (id === undefined || id === null) return null
  return (await req.payload.findByID({
    collection: collection as 'terms',
    id: String(id),
    draft: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { _status: true, [FIRST_PUBLISHED_FIELD]: true, [REVISION_FIELD]: true },
  })) as StoredDocument | null
}

/** The latest version, which may be a newer draft than the document Payload handed over. */
async function readLatestVersion(
  req: PayloadRequest,
  collection: string,
  id: unknown,
): Promise<StoredDocument | undefined> {
  if (id === undefined || id === null) return undefined
  return (await req.payload.findByID({
    collection: collection as 'terms',
    id: String(id),
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
    select: {
      workflowStage: true,
      createdBy: true,
      assignee: true,
      reviewThread: true,
      _status: true,
      [APPROVED_REVISION_FIELD]: true,
    },
  })) as unknown as StoredDocument
}

const revisionOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) ? value : null

/** Request-context key under which the workflow tells recordApprovedRevision that this write stores the approved content. */
const storesApprovedKey = (collection: string, id: unknown) => `workflowStoresApproved:${collection}:${String(id)}`

export const enforceWorkflow: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const user = req.user
  const savingDraft = Boolean(req.context[SAVING_DRAFT])
  const stored = operation === 'update' ? (originalDoc as StoredDocument | undefined) : undefined
  // Some write paths (bulk updates outside draft mode) hand over the stored document, which lags behind a
  // newer draft; the workflow state always comes from the latest version. Whether the document is live
  // comes from the stored document, never from a draft.
  const [latestVersion, live] = await Promise.all([
    readLatestVersion(req, collection.slug, stored?.id),
    readLiveDocument(req, collection.slug, stored?.id),
  ])
  const previous = stored ? { ...stored, ...latestVersion } : undefined
  const restoring = Boolean(req.context[RESTORING])
  const latestStage: Stage = isStage(previous?.workflowStage)
    ? previous.workflowStage
    : previous?._status === 'published'
      ? 'published'
      : 'draft'
  const requested = restoring ? null : ((req.context[REQUESTED_STAGE] as Stage | null | undefined) ?? null)
  // Payload stores the document (not just a new version) unless this is a draft save that does not publish.
  const writesLive = !savingDraft || data._status === 'published'
  const contentChanged = changedContentFields(data, previous, WORKFLOW_FIELD_NAMES).length > 0
  const note = typeof data.transitionNote === 'string' ? data.transitionNote.trim() : ''

  const { from, to } =
    operation === 'create'
      ? { from: 'draft' as const, to: data._status === 'published' ? ('published' as const) : ('draft' as const) }
      : targetStage({
          latestStage,
          requested,
          liveBefore: live?._status === 'published',
          writesLive,
          statusAfter: data._status,
          contentChanged,
          restoring,
        })
  const publishing = to === 'published'
  const approval = {
    approvedRevision: revisionOf(previous?.[APPROVED_REVISION_FIELD]),
    currentRevision: revisionOf(live?.[REVISION_FIELD]) ?? 0,
  }

  if (operation === 'update' && publishing && writesLive && isUnattendedPublish(req)) {
    const refusal = unattendedPublishRefusal({ latestStage, ...approval })
    if (refusal) {
      const title = collection.admin.useAsTitle ? previous?.[collection.admin.useAsTitle] : undefined
      throw new UnattendedPublishRefusedError(
        `${collection.slug} ${String(stored?.id)}${title ? ` (${String(title)})` : ''}: ${refusal}`,
      )
    }
  }

  const entries: ReviewEntry[] = []
  const at = new Date().toISOString()
  const author = user ? String(user.id) : null

  // Writes without a user are the server's own (import, seeding, scheduled jobs): they set the stage
  // but are not bound by the role rules.
  if (user && operation === 'update') {
    const role = roleOf(user)
    if (!role) throw new APIError('Your account has no editorial role.', 403)
    const ownsDocument = [relationId(previous?.createdBy), relationId(previous?.assignee)].includes(String(user.id))
    // Access rules see the stored document, which lags behind a newer draft; the latest version decides.
    if (role === 'author') {
      if (!ownsDocument) {
        throw new APIError('An author can only edit documents they created or are assigned to.', 403)
      }
      if (!AUTHOR_EDITABLE_STAGES.includes(latestStage)) {
        throw new APIError(
          `This document is "${STAGE_LABELS[latestStage]}": authors cannot edit it until the review ends.`,
          403,
        )
      }
    }
    const liveEdit = from === 'published' && to === 'published' && contentChanged
    // Restoring is itself limited to editors and admins; only a restore that publishes is a workflow step.
    if (restoring && to !== 'published') {
      if (note) entries.push({ kind: 'comment', author, at, body: note })
    } else if (to !== from || liveEdit) {
      const decision = decideTransition({ from: liveEdit ? 'draft' : from, to, role, ownsDocument, note })
      if (!decision.allowed) throw new APIError(decision.message, decision.status)
      const kind = decision.override ? 'override' : ENTRY_KIND_BY_ACTION[decision.action]
      if (kind) {
        const body = decision.override
          ? [`Published without approval by an admin.`, note].filter(Boolean).join(' ')
          : note
        entries.push({ kind, author, at, body: body || null })
      }
      if (decision.override) req.context[OVERRIDE] = true
    } else if (note) {
      entries.push({ kind: 'comment', author, at, body: note })
    }
  }
  if (user && operation === 'create' && publishing) {
    if (!hasRole(user, 'admin')) {
      throw new APIError('Only approved content can be published; a new document starts as a draft.', 403)
    }
    entries.push({
      kind: 'override',
      author,
      at,
      body: ['Published on creation by an admin.', note].filter(Boolean).join(' '),
    })
    req.context[OVERRIDE] = true
  }

  if (to === 'unpublished' && savingDraft) {
    throw new APIError('Unpublishing changes the live document: save it without draft mode.', 400)
  }

  const existingThread = (previous?.reviewThread as ReviewEntry[] | undefined) ?? []
  const next: Record<string, unknown> = {
    ...data,
    workflowStage: to,
    createdBy: operation === 'create' ? (user ? user.id : (data.createdBy ?? null)) : (previous?.createdBy ?? null),
    reviewThread: [...existingThread.map((entry) => ({ ...entry, author: relationId(entry.author) })), ...entries],
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
