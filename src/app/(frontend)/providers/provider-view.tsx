// One page of a provider's services, shared by /providers/<slug> and /providers/<slug>/<n>. Rendered once
// and served from the rendering cache until a term naming the provider, or the provider, changes.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { JsonLd } from '@/components/site/json-ld'
import { PaginationNav } from '@/components/site/pagination-nav'
import { ProviderMark } from '@/components/site/provider-mark'
import { ProviderServicesTable } from '@/components/site/provider-services-table'
import { providerBreadcrumbs } from '@/seo/breadcrumbs'
import { providerPageMetadata } from '@/seo/page-metadata'
import { pageCount } from '@/site-data/pagination'
import { providerPath } from '@/routes/site-routes'
import { providerPageStructuredData } from '@/seo/structured-data'
import { getProviderServices } from '@/site-data/provider-services'
import { findProviderBySlug, type ProviderSummary } from '@/site-data/taxonomy'

/** The provider and its page of rows, or a 404 for an unknown provider or a page past the last. */
async function readProviderPage(slug: string, page: number) {
  const provider = await findProviderBySlug(slug)
  if (!provider) notFound()
  const services = await getProviderServices(provider, page)
  if (page > pageCount(services.total, services.perPage)) notFound()
  return { provider, services }
}

export async function providerViewMetadata(slug: string, page: number): Promise<Metadata> {
  const { provider, services } = await readProviderPage(slug, page)
  return providerPageMetadata({ ...provider, termCount: services.serviceCount }, page)
}

function ProviderHeader({ provider, serviceCount }: { provider: ProviderSummary; serviceCount: number }) {
  return (
    <header className="mb-6 flex items-center gap-4">
      <ProviderMark provider={provider} logoUrl={provider.logoUrl} size="lg" />
      <div>
        <h1>{provider.fullName}</h1>
        <p className="text-muted">
          {serviceCount} services
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
  )
}

export async function ProviderView({ slug, page }: { slug: string; page: number }) {
  const { provider, services } = await readProviderPage(slug, page)
  return (
    <>
      <JsonLd data={providerPageStructuredData(provider)} />
      <Breadcrumbs trail={providerBreadcrumbs(provider)} />
      <ProviderHeader provider={provider} serviceCount={services.serviceCount} />
      {services.total === 0 ? (
        <p>No published term names a {provider.name} service yet.</p>
      ) : (
        <ProviderServicesTable provider={provider} rows={services.items} />
      )}
      <PaginationNav
        page={page}
        pageCount={pageCount(services.total, services.perPage)}
        href={(n) => providerPath(provider.slug, n)}
        label={`Pages of ${provider.name} services`}
      />
    </>
  )
}
