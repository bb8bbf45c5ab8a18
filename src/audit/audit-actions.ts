// What the audit trail can record, and who can be recorded as doing it. Define them nowhere else.
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'stage-change',
  'schedule',
  'release',
  'restore',
  'login',
  'failed-login',
  'logout',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const ACTOR_TYPES = ['user', 'api-key', 'system'] as const
export type ActorType = (typeof ACTOR_TYPES)[number]
