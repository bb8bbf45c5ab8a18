// Which stage move an update of a reviewed document makes, from what the client asked for and what the
// write does to the live document. Pure: the workflow hook gathers the facts and enforces the answer.
import type { Stage } from './stages'

export type UpdateFacts = {
  /** The stage of the latest version; a newer draft may sit on top of the live document. */
  latestStage: Stage
  /** The stage the client asked for, if any. */
  requested: Stage | null
  /** The stored (non-draft) document is published now: readers see it. */
  liveBefore: boolean
  /** The write replaces the stored document; a draft save only adds a version and leaves it alone. */
  writesLive: boolean
  /** The `_status` the write stores: Payload merges the original document into the client's data. */
  statusAfter: unknown
  /** A content field differs from the latest version. */
  contentChanged: boolean
  /** The write restores an old version. */
  restoring: boolean
}

export type StageMove = { from: Stage; to: Stage }

/**
 * A write that leaves a live document unpublished is an unpublish, whatever stage it asks for, and
 * whichever version Payload used as the original (it uses a newer draft, whose `_status` is `draft`).
 */
export function takesDocumentOffline({ liveBefore, writesLive, statusAfter, requested }: UpdateFacts): boolean {
  return liveBefore && writesLive && (statusAfter !== 'published' || requested === 'unpublished')
}

export function targetStage(facts: UpdateFacts): StageMove {
  const { latestStage: from, requested, writesLive, statusAfter, contentChanged, restoring } = facts
  if (takesDocumentOffline(facts)) return { from: 'published', to: 'unpublished' }
  const publishing = writesLive && statusAfter === 'published'
  // A restored version brings its old stage along; what it really is now is a new draft.
  if (restoring) return { from, to: publishing ? 'published' : 'draft' }
  if (publishing) return { from, to: 'published' }
  if (requested && requested !== from) return { from, to: requested }
  if (contentChanged && from === 'approved') return { from, to: 'in_review' }
  if (contentChanged && from === 'published') return { from, to: 'draft' }
  return { from, to: from }
}
