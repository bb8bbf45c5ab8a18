// What the workflow hook knows about a write before it enforces anything: the latest version, the live
// document, and the stage move the write makes.
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { FIRST_PUBLISHED_FIELD } from '@/access/content-access'
import { REVISION_FIELD } from '@/concurrency/revision-tags'

import { APPROVED_REVISION_FIELD } from '../approved-revision'
import { changedContentFields } from '../changed-content-fields'
import { WORKFLOW_FIELD_NAMES } from '../fields'
import { isStage, type Stage } from '../stages'
import { type StageMove, targetStage, type UpdateFacts } from '../target-stage'
import { WORKFLOW_CONTEXT } from '../../request-context/workflow-context'

export type StoredDocument = Record<string, unknown>

type BeforeChangeArgs = Parameters<CollectionBeforeChangeHook>[0]

export type WriteState = {
  savingDraft: boolean
  /** The document Payload handed over on update. */
  stored: StoredDocument | undefined
  /** The stored document with the latest version on top. */
  previous: StoredDocument | undefined
  live: StoredDocument | null
  restoring: boolean
  latestStage: Stage
  /** Payload stores the document (not just a new version) unless this is a draft save that does not publish. */
  writesLive: boolean
  contentChanged: boolean
  note: string
  from: Stage
  to: Stage
  publishing: boolean
  approval: { approvedRevision: number | null; currentRevision: number }
}

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

function latestStageOf(previous: StoredDocument | undefined): Stage {
  if (isStage(previous?.workflowStage)) return previous.workflowStage
  return previous?._status === 'published' ? 'published' : 'draft'
}

/** A new document starts as a draft or is published at once; an update moves as targetStage decides. */
function stageMove(operation: 'create' | 'update', statusAfter: unknown, facts: UpdateFacts): StageMove {
  if (operation === 'create') return { from: 'draft', to: statusAfter === 'published' ? 'published' : 'draft' }
  return targetStage(facts)
}

export async function loadWriteState({
  collection,
  data,
  operation,
  originalDoc,
  req,
}: BeforeChangeArgs): Promise<WriteState> {
  const savingDraft = Boolean(req.context[WORKFLOW_CONTEXT.savingDraft])
  const stored = operation === 'update' ? (originalDoc as StoredDocument | undefined) : undefined
  // Some write paths (bulk updates outside draft mode) hand over the stored document, which lags behind a
  // newer draft; the workflow state always comes from the latest version. Whether the document is live
  // comes from the stored document, never from a draft.
  const [latestVersion, live] = await Promise.all([
    readLatestVersion(req, collection.slug, stored?.id),
    readLiveDocument(req, collection.slug, stored?.id),
  ])
  const previous = stored ? { ...stored, ...latestVersion } : undefined
  const restoring = Boolean(req.context[WORKFLOW_CONTEXT.restoring])
  const latestStage = latestStageOf(previous)
  const requested = restoring
    ? null
    : ((req.context[WORKFLOW_CONTEXT.requestedStage] as Stage | null | undefined) ?? null)
  const writesLive = !savingDraft || data._status === 'published'
  const contentChanged = changedContentFields(data, previous, WORKFLOW_FIELD_NAMES).length > 0
  const note = typeof data.transitionNote === 'string' ? data.transitionNote.trim() : ''

  const { from, to } = stageMove(operation, data._status, {
    latestStage,
    requested,
    liveBefore: live?._status === 'published',
    writesLive,
    statusAfter: data._status,
    contentChanged,
    restoring,
  })
  const approval = {
    approvedRevision: revisionOf(previous?.[APPROVED_REVISION_FIELD]),
    currentRevision: revisionOf(live?.[REVISION_FIELD]) ?? 0,
  }
  return {
    savingDraft,
    stored,
    previous,
    live,
    restoring,
    latestStage,
    writesLive,
    contentChanged,
    note,
    from,
    to,
    publishing: to === 'published',
    approval,
  }
}
