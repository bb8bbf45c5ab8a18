// What a release or a scheduled publish may publish: the content a reviewer approved, unchanged since.
// Pure: the workflow hook gathers the facts, records the approved revision and refuses the publish.
//
// `approvedRevision` is the revision of the document whose content was last approved. The approval
// write records its own revision; so does every later write that changes no content (a note, an
// assignee, a stage move, the publish itself), since the content it stores is still the approved one.
// A write that changes content leaves it behind. So "changed after approval" means exactly: the stored
// revision is no longer the approved one. A stage move alone never counts as a change; a write that
// does not go through the workflow (a script, a restored backup) moves the revision without recording
// anything, so it counts as one.
import { STAGE_LABELS, type Stage } from './stages'

export const APPROVED_REVISION_FIELD = 'approvedRevision'

export type ApprovalFacts = {
  /** The revision recorded by the last write that kept the approved content; null if never approved. */
  approvedRevision: number | null
  /** The stored revision before this write, read in the write's own transaction. */
  currentRevision: number
}

export type RecordingFacts = ApprovalFacts & {
  stageAfter: Stage
  contentChanged: boolean
}

/** Whether the content this write stores is the approved content, so that its revision becomes the approved one. */
export function storesApprovedContent({
  stageAfter,
  contentChanged,
  approvedRevision,
  currentRevision,
}: RecordingFacts): boolean {
  if (stageAfter === 'approved') return true
  return !contentChanged && approvedRevision !== null && approvedRevision === currentRevision
}

export type UnattendedPublishFacts = ApprovalFacts & {
  /** The stage of the latest version, before this write. */
  latestStage: Stage
}

/**
 * Why a release or a scheduled publish may not publish this document, or null if it may. A document
 * already published as it is gets published again unchanged, which publishes nothing new.
 */
export function unattendedPublishRefusal({
  latestStage,
  approvedRevision,
  currentRevision,
}: UnattendedPublishFacts): string | null {
  if (latestStage === 'published') return null
  if (approvedRevision !== null && approvedRevision !== currentRevision) {
    return `changed after approval (approved at revision ${approvedRevision}, now ${currentRevision}); review it again`
  }
  if (latestStage !== 'approved') {
    return `Only approved content can be published (this is "${STAGE_LABELS[latestStage]}"); releases and scheduled publishes never override that`
  }
  // Approved before approvals recorded their revision: the stage is the only record, and it says approved.
  return null
}
