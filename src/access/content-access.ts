// Who may write reviewed content (terms, use cases, FAQs), by role. Stage moves are checked separately
// by the workflow hook; these rules decide which documents a role may touch at all.
import type { Access, Where } from 'payload'

import { hasRole } from './roles'

/** Any signed-in member of staff with a role. */
export const isStaff: Access = ({ req }) => hasRole(req.user, 'admin', 'editor', 'reviewer', 'author')

export const isEditorOrAdmin: Access = ({ req }) => hasRole(req.user, 'admin', 'editor')

const ownedOrAssigned = (userId: string | number): Where => ({
  or: [{ createdBy: { equals: userId } }, { assignee: { equals: userId } }],
})

/**
 * Reviewers and up edit any document; authors only their own or assigned ones. The stage lock for
 * authors is checked by the workflow hook on the latest version (a draft is not the stored document).
 */
export const canUpdateContent: Access = ({ data, req }) => {
  const user = req.user
  if (!user) return false
  if (hasRole(user, 'admin', 'editor')) return true
  // Publishing (and scheduling it, which the admin checks the same way) is for editors and admins.
  if ((data as { _status?: unknown } | undefined)?._status === 'published') return false
  if (hasRole(user, 'reviewer')) return true
  if (hasRole(user, 'author')) {
    return ownedOrAssigned(user.id)
  }
  return false
}

/** Editors and admins delete anything; others only their own drafts that were never published. */
export const canDeleteContent: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'author', 'reviewer')) {
    const ownNeverPublishedDraft: Where = {
      and: [
        { createdBy: { equals: user.id } },
        { _status: { equals: 'draft' } },
        { workflowStage: { in: ['draft', 'changes_requested'] } },
      ],
    }
    return ownNeverPublishedDraft
  }
  return false
}
