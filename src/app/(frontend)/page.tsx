import type { Metadata } from 'next'

import { JsonLd } from '@/components/site/json-ld'
import { ProviderMark } from '@/components/site/provider-mark'
import { SearchBox } from '@/components/site/search-box'
import { TermCardSection } from '@/components/site/term-card'
import { getSiteContent } from '@/lib/site-content'
import { homeMetadata } from '@/lib/page-metadata'
import { recentlyAddedTerms, recentlyUpdatedTerms } from '@/lib/recent-terms'
import { homePageStructuredData } from '@/lib/structured-data'

export const metadata: Metadata = homeMetadata()

export default async function HomePage() {
  const content = await getSiteContent()
  const added = recentlyAddedTerms(content.terms, 6)
  const updated = recentlyUpdatedTerms(content.terms, 6, added)

  return (
    <>
      <JsonLd data={homePageStructuredData()} />
      <section aria-labelledby="intro" className="mb-12 rounded-2xl border border-line bg-surface px-6 py-10 sm:px-10">
        <h1 id="intro" className="max-w-3xl">
          Cloud computing, explained in plain words
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-muted">
          Cloudlex is an open glossary of {content.terms.length} cloud terms. Each one comes with an everyday analogy,
          real use cases, and the matching service on AWS, Azure, Google Cloud and Oracle Cloud.
        </p>
        <div className="mt-6 max-w-xl">
          <SearchBox label="Search the glossary" />
        </div>
        <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1">
          <a href="/terms">Browse A–Z</a>
          <a href="/compare">Compare providers</a>
        </p>
      </section>

      <section aria-labelledby="categories" className="mb-12">
        <h2 id="categories" className="mb-4">
          Categories
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {content.categories.map((category) => (
            <li key={category.slug}>
              <a
                href={`/categories/${category.slug}`}
                className="card flex items-center justify-between gap-3 font-semibold text-ink no-underline hover:border-accent"
              >
                {category.name}
                <span className="rounded-full bg-sunken px-2.5 py-0.5 text-sm text-muted">
                  {category.termCount}
                  <span className="sr-only"> terms</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="providers" className="render-when-visible mb-12">
        <h2 id="providers" className="mb-4">
          Providers
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {content.providers.map((provider) => (
            <li key={provider.slug}>
              <a
                href={`/providers/${provider.slug}`}
                className="card flex items-center gap-3 text-ink no-underline hover:border-accent"
              >
                <ProviderMark provider={provider} logoUrl={provider.logoUrl} size="lg" />
                <span>
                  <span className="block font-semibold">{provider.fullName}</span>
                  <span className="text-sm text-muted">{provider.termCount} services</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <TermCardSection id="recently-added" heading="Recently added" terms={added} />
      <TermCardSection id="recently-updated" heading="Recently updated" terms={updated} />
    </>
  )
}
