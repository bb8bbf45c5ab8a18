// A provider's services, one row per term that lists the provider: the term, the provider's service for
// it (or "No equivalent"), how closely it matches, and the term's category.
import { termPath } from '@/routes/site-routes'
import type { ProviderServiceRow } from '@/site-data/provider-services'
import type { ProviderSummary } from '@/site-data/taxonomy'

import { MatchLevel } from './match-level'
import { ServiceName } from './service-name'

export function ProviderServicesTable({
  provider,
  rows,
}: {
  provider: Pick<ProviderSummary, 'fullName'>
  rows: readonly ProviderServiceRow[]
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="compare-table w-full min-w-[36rem] border-collapse text-left">
        <caption className="sr-only">{provider.fullName} services and the Cloudlex terms they implement</caption>
        <thead className="bg-sunken text-sm">
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Service</th>
            <th scope="col">Match</th>
            <th scope="col">Category</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.term.slug}>
              <th scope="row">
                <a href={termPath(row.term.slug)}>{row.term.title}</a>
              </th>
              <td>
                <ServiceName service={row.service} docUrl={row.docUrl} noEquivalentClassName="font-normal text-muted" />
              </td>
              <td>
                <MatchLevel level={row.matchLevel} />
              </td>
              <td className="text-muted">{row.category?.name ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
