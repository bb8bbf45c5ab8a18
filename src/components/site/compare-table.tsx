// One category's page of the compare matrix: a row per term, a column per chosen provider.
import type { CompareCell, CompareProvider, CompareRow } from '@/downloads/compare-matrix'
import { categoryPath, termPath } from '@/routes/site-routes'
import type { CategoryRef } from '@/site-data/term-view'

import { MatchLevel } from './match-level'
import { ProviderMark } from './provider-mark'

function Cell({ cell }: { cell: CompareCell | null }) {
  if (cell === null) return <span className="font-normal text-muted">Not recorded</span>
  if (cell.service === null) return <em className="font-normal text-muted">No equivalent</em>
  return (
    <>
      {cell.service}
      {cell.matchLevel ? <MatchLevel level={cell.matchLevel} /> : null}
    </>
  )
}

export function CompareTable({
  category,
  providers,
  rows,
}: {
  category: CategoryRef
  providers: readonly CompareProvider[]
  rows: readonly CompareRow[]
}) {
  const headingId = `compare-${category.slug}`
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <h2 id={headingId} className="mb-2 text-xl">
        <a href={categoryPath(category.slug)} className="text-ink">
          {category.name}
        </a>
      </h2>
      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
        <table
          className="compare-table w-full min-w-[48rem] table-fixed border-collapse text-left text-sm"
          data-compare-matrix
        >
          <caption className="sr-only">{category.name}: services per provider for each term</caption>
          <thead className="bg-sunken">
            <tr>
              <th scope="col" className="sticky left-0 w-48 bg-sunken">
                Term
              </th>
              {providers.map((provider) => (
                <th key={provider.slug} scope="col">
                  <span className="flex items-center gap-2">
                    <ProviderMark provider={provider} size="sm" />
                    {provider.fullName}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.term.slug}>
                <th scope="row">
                  <a href={termPath(row.term.slug)}>{row.term.title}</a>
                </th>
                {row.cells.map((cell, index) => (
                  <td key={providers[index]!.slug}>
                    <Cell cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
