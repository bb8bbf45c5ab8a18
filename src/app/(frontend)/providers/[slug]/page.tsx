import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { JsonLd } from '@/components/site/json-ld'
import { MatchLevel } from '@/components/site/match-level'
import { ProviderMark } from '@/components/site/provider-mark'
import { providerBreadcrumbs } from '@/lib/breadcrumbs'
import { providerPageMetadata } from '@/lib/page-metadata'
import { providerPageStructuredData } from '@/lib/structured-data'
import { getProviderPage } from '@/lib/taxonomy-pages'

type Args = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const page = await getProviderPage((await params).slug)
  return page ? providerPageMetadata(page.provider) : { title: 'Provider not found' }
}

export default async function ProviderPage({ params }: Args) {
  const page = await getProviderPage((await params).slug)
  if (!page) notFound()
  const { provider, services, withoutEquivalent } = page
  return (
    <>
      <JsonLd data={providerPageStructuredData(provider)} />
      <Breadcrumbs trail={providerBreadcrumbs(provider)} />
      <header className="mb-6 flex items-center gap-4">
        <ProviderMark provider={provider} logoUrl={provider.logoUrl} size="lg" />
        <div>
          <h1>{provider.fullName}</h1>
          <p className="text-muted">
            {services.length} services
            {provider.website ? (
              <>
                {' · '}
                <a href={provider.website} rel="noopener">
                  Official website
                </a>
              </>
            ) : null}
          </p>
        </div>
      </header>
      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full min-w-[36rem] border-collapse text-left">
          <caption className="sr-only">{provider.fullName} services and the Cloudlex terms they implement</caption>
          <thead className="bg-sunken text-sm">
            <tr>
              <th scope="col" className="px-4 py-2">Service</th>
              <th scope="col" className="px-4 py-2">Term</th>
              <th scope="col" className="px-4 py-2">Match</th>
              <th scope="col" className="px-4 py-2">Category</th>
            </tr>
          </thead>
          <tbody>
            {services.map((row) => (
              <tr key={`${row.term.slug}-${row.service}`} className="border-t border-line align-top">
                <th scope="row" className="px-4 py-3 font-medium">
                  {row.docUrl ? (
                    <a href={row.docUrl} rel="noopener">
                      {row.service}
                      <span className="sr-only"> (documentation)</span>
                    </a>
                  ) : (
                    row.service
                  )}
                </th>
                <td className="px-4 py-3">
                  <a href={`/terms/${row.term.slug}`}>{row.term.title}</a>
                </td>
                <td className="px-4 py-3">
                  <MatchLevel level={row.matchLevel} />
                </td>
                <td className="px-4 py-3 text-muted">{row.term.category?.name ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withoutEquivalent.length > 0 ? (
        <section aria-labelledby="no-equivalent" className="mt-10">
          <h2 id="no-equivalent" className="mb-3">
            No {provider.name} equivalent
          </h2>
          <ul className="flex flex-wrap gap-2">
            {withoutEquivalent.map((term) => (
              <li key={term.slug}>
                <a href={`/terms/${term.slug}`} className="badge min-h-10 px-4 hover:bg-sunken">
                  {term.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
