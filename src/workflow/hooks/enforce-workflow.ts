// Applies the editorial workflow on every write of a reviewed document, whatever the route (admin,
// REST, GraphQL, Local API with a user): works out the stage the write leads to, refuses steps the
// actor's role may not take, keeps the owner and the review thread out of the client's hands.
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'

import { hasRole, ROLES, type Role } from '@/access/roles'

import { changedFieldNames } from '../changed-fields'
import { WORKFLOW_FIELD_NAMES } from '../fields'
import { AUTHOR_EDITABLE_STAGES, isStage, STAGE_LABELS, type Stage } from '../stages'
import { decideTransition, type TransitionAction } from '../transitions'

/** Request-context keys this hook sets for the rest of the write (the audit trail reads them). */
export const WORKFLOW_CONTEXT = {
  savingDraft: 'workflowSavingDraft',
  restoring: 'workflowRestoring',
  override: 'workflowOverride',
} as const
const SAVING_DRAFT = WORKFLOW_CONTEXT.savingDraft
const RESTORING = WORKFLOW_CONTEXT.restoring
const OVERRIDE = WORKFLOW_CONTEXT.override

/**
 * Remembers whether this write is a draft save or a restore (the change hooks are not told), and keeps
 * restoring versions to editors and admins.
 */
export const rememberDraftMode: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { draft, overrideAccess } = args as { draft?: boolean; overrideAccess?: boolean }
  if (operation === 'create' || operation === 'update') {
    req.context[SAVING_DRAFT] = Boolean(draft)
    req.context[RESTORING] = false
    req.context[OVERRIDE] = false
  }
  if (operation === 'restoreVersion') {
    if (!overrideAccess && !hasRole(req.user, 'editor', 'admin')) {
      throw new APIError('Only editors and admins can restore versions.', 403)
    }
    req.context[SAVING_DRAFT] = Boolean(draft)
    req.context[RESTORING] = true
    req.context[OVERRIDE] = false
  }
  return args
}

type ReviewEntry = { kind: string; author: string | null; at: string; body: string | null }

const idOf = (value: unknown): string | null =>
  value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : value ? String(value) : null

function roleOf(user: unknown): Role | null {
  for (const role of ROLES) if (hasRole(user, role)) return role
  return null
}

function targetStage(args: {
  from: Stage
  requested: Stage | null
  publishing: boolean
  savingDraft: boolean
  statusAfter: unknown
  contentChanged: boolean
}): Stage {
  const { from, requested, publishing, savingDraft, statusAfter, contentChanged } = args
  if (publishing) return 'published'
  if (requested && requested !== from) return requested
  if (from === 'published' && !savingDraft && statusAfter === 'draft') return 'unpublished'
  if (contentChanged && from === 'approved') return 'in_review'
  if (contentChanged && from === 'published') return 'draft'
  return from
}

const ENTRY_KIND_BY_ACTION: Partial<Record<TransitionAction, string>> = {
  submit: 'submitted',
  'request-changes': 'changes-requested',
  approve: 'approved',
}

export const enforceWorkflow: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  const user = req.user
  const savingDraft = Boolean(req.context[SAVING_DRAFT])
  const stored = operation === 'update' ? (originalDoc as Record<string, unknown> | undefined) : undefined
  // Some write paths (bulk updates outside draft mode) hand over the stored document, which lags behind a
  // newer draft; the workflow state always comes from the latest version.
  const latestVersion =
    stored?.id !== undefined
      ? await req.payload.findByID({
          collection: collection.slug as 'terms',
          id: String(stored.id),
          draft: true,
          depth: 0,
          overrideAccess: true,
          req,
          select: { workflowStage: true, createdBy: true, assignee: true, reviewThread: true, _status: true },
        })
      : undefined
  const previous = stored ? { ...stored, ...(latestVersion as Record<string, unknown> | undefined) } : undefined
  const restoring = Boolean(req.context[RESTORING])
  // A restored version brings its old stage along; what it really is now is a new draft.
  const requested = !restoring && isStage(data.workflowStage) ? data.workflowStage : null
  let from: Stage = isStage(previous?.workflowStage)
    ? previous.workflowStage
    : previous?._status === 'published'
      ? 'published'
      : 'draft'
  // The previous document is the latest version, which may be a draft on top of a live one;
  // unpublishing is about the live document, so ask for that.
  if (requested === 'unpublished' && previous?.id !== undefined) {
    const live = await req.payload.findByID({
      collection: collection.slug as 'terms',
      id: String(previous.id),
      draft: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { _status: true },
    })
    if (live._status === 'published') from = 'published'
  }
  const publishing = data._status === 'published'
  const contentChanged = changedFieldNames(data, previous, WORKFLOW_FIELD_NAMES).length > 0
  const note = typeof data.transitionNote === 'string' ? data.transitionNote.trim() : ''

  const to =
    operation === 'create'
      ? publishing
        ? 'published'
        : 'draft'
      : restoring && !publishing
        ? 'draft'
        : targetStage({ from, requested, publishing, savingDraft, statusAfter: data._status, contentChanged })

  const entries: ReviewEntry[] = []
  const at = new Date().toISOString()
  const author = user ? String(user.id) : null

  // Writes without a user are the server's own (import, seeding, scheduled jobs): they set the stage
  // but are not bound by the role rules.
  if (user && operation === 'update') {
    const role = roleOf(user)
    if (!role) throw new APIError('Your account has no editorial role.', 403)
    const ownsDocument = [idOf(previous?.createdBy), idOf(previous?.assignee)].includes(String(user.id))
    // Access rules see the stored document, which lags behind a newer draft; the latest version decides.
    if (role === 'author') {
      if (!ownsDocument) {
        throw new APIError('An author can only edit documents they created or are assigned to.', 403)
      }
      if (!AUTHOR_EDITABLE_STAGES.includes(from)) {
        throw new APIError(`This document is "${STAGE_LABELS[from]}": authors cannot edit it until the review ends.`, 403)
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
        const body = decision.override ? [`Published without approval by an admin.`, note].filter(Boolean).join(' ') : note
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
    entries.push({ kind: 'override', author, at, body: ['Published on creation by an admin.', note].filter(Boolean).join(' ') })
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
    reviewThread: [...existingThread.map((entry) => ({ ...entry, author: idOf(entry.author) })), ...entries],
  }
  if (to === 'published') next._status = 'published'
  if (to === 'unpublished') next._status = 'draft'
  delete next.transitionNote
  return next
}
