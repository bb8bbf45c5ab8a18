import type { ProviderEquivalentView } from '@/site-data/term-view'

const LABELS = { exact: 'Exact match', close: 'Close match', partial: 'Partial match', none: 'No equivalent' } as const
const SYMBOLS = { exact: '●', close: '◕', partial: '◑', none: '○' } as const

export function matchLevelLabel(level: ProviderEquivalentView['matchLevel']): string {
  return level ? LABELS[level] : 'Not rated'
}

/** The match level in words with a shape, so it never relies on colour alone. */
export function MatchLevel({ level }: { level: ProviderEquivalentView['matchLevel'] }) {
  if (!level) return <span className="text-muted">Not rated</span>
  return (
    <span className={`match-level match-${level}`}>
      <span aria-hidden="true">{SYMBOLS[level]}</span>
      {LABELS[level]}
    </span>
  )
}
