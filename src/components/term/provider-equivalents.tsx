// What each cloud provider calls the term: its service (linked to the provider's docs when known), how
// closely it matches, and the key difference.
import { MatchLevel } from '@/components/site/match-level'
import { ProviderMark } from '@/components/site/provider-mark'
import { ServiceName } from '@/components/site/service-name'
import { providerPath } from '@/routes/site-routes'
import type { ProviderEquivalentView } from '@/site-data/term-view'

import { TermSection } from './term-section'

type OptionalColumns = { showMatch: boolean; showNotes: boolean }

function EquivalentsHead({ showMatch, showNotes }: OptionalColumns) {
  return (
    <thead className="bg-sunken text-sm">
      <tr>
        <th scope="col" className="px-4 py-2">
          Provider
        </th>
        <th scope="col" className="px-4 py-2">
          Service
        </th>
        {showMatch ? (
          <th scope="col" className="px-4 py-2">
            Match
          </th>
        ) : null}
        {showNotes ? (
          <th scope="col" className="px-4 py-2">
            Key difference
          </th>
        ) : null}
      </tr>
    </thead>
  )
}

function EquivalentRow({ row, showMatch, showNotes }: { row: ProviderEquivalentView } & OptionalColumns) {
  return (
    <tr className="border-t border-line align-top">
      <th scope="row" className="px-4 py-3 font-medium">
        <a
          href={providerPath(row.provider.slug)}
          className="flex items-center gap-2 text-ink no-underline hover:underline"
        >
          <ProviderMark provider={row.provider} size="sm" />
          {row.provider.fullName}
        </a>
      </th>
      <td className="px-4 py-3">
        <ServiceName service={row.service} docUrl={row.docUrl} noEquivalentClassName="text-muted" />
      </td>
      {showMatch ? (
        <td className="px-4 py-3">
          <MatchLevel level={row.matchLevel} />
        </td>
      ) : null}
      {showNotes ? <td className="px-4 py-3 text-muted">{row.note ?? ''}</td> : null}
    </tr>
  )
}

export function ProviderEquivalents({
  termTitle,
  rows,
}: {
  termTitle: string
  rows: readonly ProviderEquivalentView[]
}) {
  // Columns nobody has filled in yet would only say "not rated" four times.
  const columns: OptionalColumns = {
    showMatch: rows.some((row) => row.matchLevel !== null),
    showNotes: rows.some((row) => row.note),
  }
  return (
    <TermSection id="providers" title="Provider equivalents">
      {rows.length === 0 ? (
        <p className="text-muted">No provider equivalents are recorded for this term yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-line bg-surface">
          <table className="w-full border-collapse text-left sm:min-w-[36rem]">
            <caption className="sr-only">What each cloud provider calls {termTitle}</caption>
            <EquivalentsHead {...columns} />
            <tbody>
              {rows.map((row) => (
                <EquivalentRow key={row.provider.slug} row={row} {...columns} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </TermSection>
  )
}
