// What each cloud provider calls the same idea, with how closely it matches.
import type { ArrayField } from 'payload'

import { validateHttpUrl } from './http-url'

export const MATCH_LEVELS = ['exact', 'close', 'partial', 'none'] as const
export type MatchLevel = (typeof MATCH_LEVELS)[number]

type EquivalentRow = { service?: string | null; matchLevel?: MatchLevel | null; docUrl?: string | null }

export function validateEquivalentRow(row: EquivalentRow): true | string {
  const hasService = typeof row.service === 'string' && row.service.trim() !== ''
  if (row.matchLevel === 'none' && hasService) {
    return 'Match level "none" means the provider has no equivalent: clear the service name or pick another level.'
  }
  if (!hasService && row.matchLevel && row.matchLevel !== 'none') {
    return 'Enter the service name, or set the match level to "none" when the provider has no equivalent.'
  }
  return true
}

export const validateDocUrl = (value: unknown): true | string => validateHttpUrl(value, 'Documentation URL')

export const providerEquivalentsField: ArrayField = {
  name: 'providerEquivalents',
  type: 'array',
  labels: { singular: 'Provider equivalent', plural: 'Provider equivalents' },
  admin: { initCollapsed: false },
  validate: (rows: unknown) => {
    if (!Array.isArray(rows)) return true
    const seen = new Set<string>()
    for (const [index, row] of rows.entries()) {
      const provider = (row as { provider?: unknown }).provider
      const providerId =
        typeof provider === 'object' && provider !== null ? (provider as { id?: unknown }).id : provider
      if (providerId !== undefined && providerId !== null) {
        const key = String(providerId)
        if (seen.has(key)) return `Row ${index + 1}: this provider is already listed.`
        seen.add(key)
      }
      const rowCheck = validateEquivalentRow(row as EquivalentRow)
      if (rowCheck !== true) return `Row ${index + 1}: ${rowCheck}`
    }
    return true
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'provider', type: 'relationship', relationTo: 'providers', required: true, admin: { width: '30%' } },
        {
          name: 'service',
          type: 'text',
          admin: { width: '40%', description: 'Leave empty when the provider has no equivalent.' },
        },
        {
          name: 'matchLevel',
          type: 'select',
          options: MATCH_LEVELS.map((level) => ({ label: level[0]!.toUpperCase() + level.slice(1), value: level })),
          admin: { width: '30%' },
        },
      ],
    },
    { name: 'docUrl', type: 'text', label: 'Documentation URL', validate: validateDocUrl },
    { name: 'note', type: 'textarea', label: 'Key difference' },
  ],
}
