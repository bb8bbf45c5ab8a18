// The editorial stages of terms, use cases and FAQs. Define stages nowhere else.
export const STAGES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished'] as const
export type Stage = (typeof STAGES)[number]

export const STAGE_LABELS: Record<Stage, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  unpublished: 'Unpublished',
}

/** Stages in which an author may still edit a document they own or are assigned to. */
export const AUTHOR_EDITABLE_STAGES: readonly Stage[] = ['draft', 'changes_requested', 'published', 'unpublished']

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value)
}
