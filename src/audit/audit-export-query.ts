// Which entries an export asks for: Payload's own `where` (as the admin list sends it) combined with the
// shorthand parameters action, actor (user id or email), targetCollection, from and to (dates, inclusive).
import type { Where } from 'payload'

export type AuditExportQuery = { ok: true; where: Where } | { ok: false; message: string }

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined

function dateCondition(value: unknown, name: 'from' | 'to'): Where | string | undefined {
  const raw = text(value)
  if (!raw) return undefined
  const at = new Date(raw)
  if (Number.isNaN(at.getTime())) return `"${name}" must be a date such as 2026-01-31 or 2026-01-31T12:00:00Z.`
  const operator = name === 'from' ? 'greater_than_equal' : 'less_than_equal'
  return { createdAt: { [operator]: at.toISOString() } }
}

/** `where` is the already-parsed query-string value (Payload parses `where[action][equals]=…` for us). */
export function auditExportQuery(query: Record<string, unknown>): AuditExportQuery {
  const conditions: Where[] = []
  const { where } = query
  if (typeof where === 'string' && where) {
    try {
      conditions.push(JSON.parse(where) as Where)
    } catch {
      return { ok: false, message: '"where" is not valid JSON.' }
    }
  } else if (where && typeof where === 'object' && !Array.isArray(where)) {
    conditions.push(where as Where)
  }
  const action = text(query.action)
  if (action) conditions.push({ action: { equals: action } })
  const actor = text(query.actor)
  if (actor) conditions.push(actor.includes('@') ? { actorLabel: { equals: actor } } : { actor: { equals: actor } })
  const targetCollection = text(query.targetCollection)
  if (targetCollection) conditions.push({ targetCollection: { equals: targetCollection } })
  for (const name of ['from', 'to'] as const) {
    const condition = dateCondition(query[name], name)
    if (typeof condition === 'string') return { ok: false, message: condition }
    if (condition) conditions.push(condition)
  }
  return { ok: true, where: conditions.length > 0 ? { and: conditions } : {} }
}
