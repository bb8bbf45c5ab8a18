// The review-thread entries a write adds, after the role rules for the stage move it makes: a refused
// step throws, an admin's publish without approval is recorded as an override.
import { APIError, type PayloadRequest, type TypedUser } from 'payload'

import { hasRole, roleOf } from '@/access/roles'
import { relationId } from '@/fields/relations'

import { AUTHOR_EDITABLE_STAGES, STAGE_LABELS, type Stage } from '../stages'
import { decideTransition, type TransitionAction } from '../transitions'
import { WORKFLOW_CONTEXT } from '../../request-context/workflow-context'
import type { StoredDocument, WriteState } from './load-write-state'

export type ReviewEntry = { kind: string; author: string | null; at: string; body: string | null }

const ENTRY_KIND_BY_ACTION: Partial<Record<TransitionAction, string>> = {
  submit: 'submitted',
  'request-changes': 'changes-requested',
  approve: 'approved',
}

type ReviewedWrite = {
  req: PayloadRequest
  user: TypedUser
  state: WriteState
  at: string
  author: string | null
}

/** Whether the user may edit the document at all; an author only their own, and only before review. */
function checkEditor(user: TypedUser, previous: StoredDocument | undefined, latestStage: Stage) {
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
  return { role, ownsDocument }
}

function entriesForUpdate({ req, user, state, at, author }: ReviewedWrite): ReviewEntry[] {
  const { previous, latestStage, from, to, contentChanged, restoring, note } = state
  const entries: ReviewEntry[] = []
  const { role, ownsDocument } = checkEditor(user, previous, latestStage)
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
    if (decision.override) req.context[WORKFLOW_CONTEXT.override] = true
  } else if (note) {
    entries.push({ kind: 'comment', author, at, body: note })
  }
  return entries
}

function entriesForCreate({ req, user, state, at, author }: ReviewedWrite): ReviewEntry[] {
  if (!state.publishing) return []
  if (!hasRole(user, 'admin')) {
    throw new APIError('Only approved content can be published; a new document starts as a draft.', 403)
  }
  req.context[WORKFLOW_CONTEXT.override] = true
  return [
    {
      kind: 'override',
      author,
      at,
      body: ['Published on creation by an admin.', state.note].filter(Boolean).join(' '),
    },
  ]
}

/**
 * Writes without a user are the server's own (import, seeding, scheduled jobs): they set the stage but
 * are not bound by the role rules and add no entries.
 */
export function reviewEntriesForWrite(
  req: PayloadRequest,
  operation: 'create' | 'update',
  state: WriteState,
  at: string,
): ReviewEntry[] {
  const user = req.user
  if (!user) return []
  const write = { req, user, state, at, author: String(user.id) }
  return operation === 'update' ? entriesForUpdate(write) : entriesForCreate(write)
}

/** The stored thread with authors as ids, followed by this write's entries. */
export function nextReviewThread(previous: StoredDocument | undefined, entries: ReviewEntry[]): ReviewEntry[] {
  const existingThread = (previous?.reviewThread as ReviewEntry[] | undefined) ?? []
  return [...existingThread.map((entry) => ({ ...entry, author: relationId(entry.author) })), ...entries]
}
