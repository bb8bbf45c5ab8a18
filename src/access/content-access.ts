// Who may write reviewed content (terms, use cases, FAQs), by role. Stage moves are checked separately
// by the workflow hook; these rules decide which documents a role may touch at all.
import type { Access, Where } from 'payload'

import { hasRole, PUBLISHER_ROLES, STAFF_ROLES } from './roles'

/** The date of a document's first publish, kept by the workflow and never cleared. */
export const FIRST_PUBLISHED_FIELD = 'firstPublishedAt'

/** Any signed-in member of staff with a role. */
export const isStaff: Access = ({ req }) => hasRole(req.user, ...STAFF_ROLES)

export const isEditorOrAdmin: Access = ({ req }) => hasRole(req.user, ...PUBLISHER_ROLES)

const ownedOrAssigned = (userId: string | number): Where => ({
  or: [{ createdBy: { equals: userId } }, { assignee: { equals: userId } }],
})

/**
 * Reviewers and up edit any document; authors only their own or assigned ones. The stage lock for
 * authors, and whether a write publishes or unpublishes, is checked by the workflow hook on the latest
 * version and the live document: the access rule sees neither the draft mode nor a newer draft.
 */
export const canUpdateContent: Access = ({ data, req }) => {
  const user = req.user
  if (!user) return false
  if (hasRole(user, ...PUBLISHER_ROLES)) return true
  // Publishing (and scheduling it, which the admin checks the same way) is for editors and admins.
  if ((data as { _status?: unknown } | undefined)?._status === 'published') return false
  if (hasRole(user, 'reviewer')) return true
  if (hasRole(user, 'author')) {
    return ownedOrAssigned(user.id)
  }
  return false
}

/**
 * Editors and admins delete anything; others only their own drafts that were never published. A
 * document that was published once keeps its history, even after it was unpublished and reopened.
 */
export const canDeleteContent: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (hasRole(user, ...PUBLISHER_ROLES)) return true
  if (hasRole(user, ...STAFF_ROLES)) {
    const ownNeverPublishedDraft: Where = {
      and: [
        { createdBy: { equals: user.id } },
        { _status: { equals: 'draft' } },
        { workflowStage: { in: ['draft', 'changes_requested'] } },
        // `equals: null` matches a missing value too, on SQLite and MongoDB alike (`exists: false` does not).
        { [FIRST_PUBLISHED_FIELD]: { equals: null } },
      ],
    }
    return ownNeverPublishedDraft
  }
  return false
}
