import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { ProviderMark } from '@/components/site/provider-mark'
import { providerIndexBreadcrumbs } from '@/seo/breadcrumbs'
import { providerIndexMetadata } from '@/seo/page-metadata'
import { providerPath } from '@/routes/site-routes'
import { getProviders, getProviderServiceCounts } from '@/site-data/taxonomy'

export const metadata: Metadata = providerIndexMetadata()

export default async function ProviderIndexPage() {
  const [providers, counts] = await Promise.all([getProviders(), getProviderServiceCounts()])
  return (
    <>
      <Breadcrumbs trail={providerIndexBreadcrumbs()} />
      <h1 className="mb-6">Providers</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        {providers.map((provider) => (
          <li key={provider.slug} className="card flex items-center gap-4">
            <ProviderMark provider={provider} logoUrl={provider.logoUrl} size="lg" />
            <div>
              <h2 className="text-lg">
                <a href={providerPath(provider.slug)}>{provider.fullName}</a>
              </h2>
              <p className="text-sm text-muted">{counts[provider.id] ?? 0} services in Cloudlex</p>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
