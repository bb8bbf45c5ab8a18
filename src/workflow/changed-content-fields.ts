// Which content fields an incoming write changes, compared the same way the audit trail compares them.
import { comparable } from '@/audit/changed-fields'

export function changedContentFields(
  incoming: Record<string, unknown>,
  previous: Record<string, unknown> | null | undefined,
  ignore: ReadonlySet<string>,
): string[] {
  return Object.keys(incoming).filter(
    (name) =>
      !ignore.has(name) && JSON.stringify(comparable(incoming[name])) !== JSON.stringify(comparable(previous?.[name])),
  )
}
