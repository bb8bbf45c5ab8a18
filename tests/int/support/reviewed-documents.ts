// Reviewed documents (terms, use cases, FAQs) put straight into a given editorial state by the server
// itself (no user, so no role rules), and a snapshot of what readers and staff see of one: tests of who
// may change a document start from any state and can show a refused write changed nothing.
import type { Payload } from 'payload'

import type { Stage } from '@/workflow/stages'

export type ReviewedSlug = 'terms' | 'use-cases' | 'faqs'

/** A stage, or a history a stage alone does not tell. */
export type DocumentState = Stage | 'published-with-newer-draft' | 'reopened-after-publishing'

export type ReviewedSpec = {
  slug: ReviewedSlug
  /** The GraphQL name of one document, e.g. `Term` (mutations `updateTerm`, `deleteTerm`). */
  graphqlName: string
  content: (unique: string) => Record<string, unknown>
  /** A plain text field a new draft can change. */
  editableField: string
}

/** Setting the scene is not part of any test's audit trail. */
const FIXTURE_CONTEXT = { skipAudit: true }

const PUBLISHED_HISTORY: readonly DocumentState[] = [
  'published',
  'published-with-newer-draft',
  'unpublished',
  'reopened-after-publishing',
]

export async function createInState(
  payload: Payload,
  spec: ReviewedSpec,
  state: DocumentState,
  owner: { id: string | number },
  unique: string,
): Promise<string> {
  const collection = spec.slug
  const published = PUBLISHED_HISTORY.includes(state)
  const doc = await payload.create({
    collection,
    data: { ...spec.content(unique), createdBy: owner.id, ...(published ? { _status: 'published' } : {}) } as never,
    draft: !published,
    depth: 0,
    context: FIXTURE_CONTEXT,
  })
  const id = String(doc.id)
  const step = (data: Record<string, unknown>, draft: boolean) =>
    payload.update({ collection, id, data: data as never, draft, depth: 0, context: FIXTURE_CONTEXT })
  switch (state) {
    case 'in_review':
    case 'changes_requested':
    case 'approved':
      await step({ workflowStage: state }, true)
      break
    case 'published-with-newer-draft':
      await step({ [spec.editableField]: `A newer wording of ${unique}, not yet published.` }, true)
      break
    case 'unpublished':
      await step({ workflowStage: 'unpublished' }, false)
      break
    case 'reopened-after-publishing':
      // Reopened outside draft mode, the stored document looks like any draft but for its first-publish date.
      await step({ workflowStage: 'unpublished' }, false)
      await step({ workflowStage: 'draft' }, false)
      break
  }
  return id
}

type VersionView = { status: unknown; stage: unknown; updatedAt: unknown; text: unknown }

export type DocumentSnapshot = { live: VersionView; latest: VersionView } | null

/** The stored (live) document and its latest version as staff see them; null once deleted. */
export async function snapshotOf(payload: Payload, spec: ReviewedSpec, id: string): Promise<DocumentSnapshot> {
  const read = (draft: boolean) =>
    payload.findByID({ collection: spec.slug, id, draft, depth: 0, disableErrors: true }) as Promise<Record<
      string,
      unknown
    > | null>
  const [live, latest] = await Promise.all([read(false), read(true)])
  if (!live || !latest) return null
  const view = (doc: Record<string, unknown>): VersionView => ({
    status: doc._status,
    stage: doc.workflowStage,
    updatedAt: doc.updatedAt,
    text: doc[spec.editableField],
  })
  return { live: view(live), latest: view(latest) }
}
