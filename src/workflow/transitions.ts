// Which role may move a document from one editorial stage to another. Pure: the hook that enforces it
// on every write lives in ./hooks, and every rule here has a test.
import { describeRoles, PUBLISHER_ROLES, REVIEWER_ROLES, type Role, STAFF_ROLES } from '@/access/roles'

import { STAGE_LABELS, type Stage } from './stages'

export type TransitionRequest = {
  from: Stage
  to: Stage
  role: Role
  /** The actor created the document or is its assignee. */
  ownsDocument: boolean
  note?: string | null
}

export type TransitionDecision =
  | { allowed: true; action: TransitionAction; override: boolean }
  | { allowed: false; status: 400 | 403; message: string }

export type TransitionAction =
  'submit' | 'request-changes' | 'approve' | 'publish' | 'unpublish' | 'reopen' | 'new-draft' | 'back-to-review'

type Rule = { action: TransitionAction; roles: readonly Role[]; ownerOnlyFor?: readonly Role[]; needsNote?: boolean }

const STAFF = STAFF_ROLES
const REVIEWERS = REVIEWER_ROLES
const PUBLISHERS = PUBLISHER_ROLES

const RULES: Partial<Record<Stage, Partial<Record<Stage, Rule>>>> = {
  draft: {
    in_review: { action: 'submit', roles: STAFF, ownerOnlyFor: ['author'] },
  },
  in_review: {
    changes_requested: { action: 'request-changes', roles: REVIEWERS, needsNote: true },
    approved: { action: 'approve', roles: REVIEWERS },
  },
  changes_requested: {
    in_review: { action: 'submit', roles: STAFF, ownerOnlyFor: ['author'] },
  },
  approved: {
    published: { action: 'publish', roles: PUBLISHERS },
    in_review: { action: 'back-to-review', roles: STAFF, ownerOnlyFor: ['author'] },
  },
  published: {
    unpublished: { action: 'unpublish', roles: PUBLISHERS },
    draft: { action: 'new-draft', roles: STAFF, ownerOnlyFor: ['author'] },
  },
  unpublished: {
    draft: { action: 'reopen', roles: STAFF, ownerOnlyFor: ['author'] },
  },
}

/** Stages from which only an admin may publish, skipping review; such a publish is recorded as an override. */
const OVERRIDABLE_TO_PUBLISHED: readonly Stage[] = ['draft', 'in_review', 'changes_requested', 'unpublished']

export function decideTransition({ from, to, role, ownsDocument, note }: TransitionRequest): TransitionDecision {
  const move = `${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`
  const rule = RULES[from]?.[to]

  if (!rule) {
    if (to === 'published' && OVERRIDABLE_TO_PUBLISHED.includes(from)) {
      if (role === 'admin') return { allowed: true, action: 'publish', override: true }
      return {
        allowed: false,
        status: 403,
        message: `Only approved content can be published (this is "${STAGE_LABELS[from]}"); an admin may override.`,
      }
    }
    return { allowed: false, status: 400, message: `There is no workflow step ${move}.` }
  }
  if (!rule.roles.includes(role)) {
    return {
      allowed: false,
      status: 403,
      message: `Only ${describeRoles(rule.roles)} can ${rule.action.replace('-', ' ')} (${move}); your role is ${role}.`,
    }
  }
  if (rule.ownerOnlyFor?.includes(role) && !ownsDocument) {
    return {
      allowed: false,
      status: 403,
      message: `A ${role} can only ${rule.action.replace('-', ' ')} documents they created or are assigned to.`,
    }
  }
  if (rule.needsNote && !note?.trim()) {
    return { allowed: false, status: 400, message: 'Requesting changes needs a note saying what to change.' }
  }
  return { allowed: true, action: rule.action, override: false }
}

/** Every transition the rules know, for tests and documentation. */
export function listTransitions(): { from: Stage; to: Stage; rule: Rule }[] {
  return Object.entries(RULES).flatMap(([from, targets]) =>
    Object.entries(targets ?? {}).map(([to, rule]) => ({ from: from as Stage, to: to as Stage, rule: rule! })),
  )
}
