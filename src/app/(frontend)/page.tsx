import type { Metadata } from 'next'

import { JsonLd } from '@/components/site/json-ld'
import { ProviderMark } from '@/components/site/provider-mark'
import { SearchBox } from '@/components/site/search-box'
import { TermCardSection } from '@/components/site/term-card'
import { homeMetadata } from '@/seo/page-metadata'
import { categoryPath, COMPARE_PATH, providerPath, TERM_INDEX_PATH } from '@/routes/site-routes'
import { homePageStructuredData } from '@/seo/structured-data'
import { getHomeRecentTerms } from '@/site-data/recent-terms'
import {
  getCategories,
  getCategoryTermCounts,
  getProviders,
  getProviderServiceCounts,
  type TermCounts,
} from '@/site-data/taxonomy'
import type { CategorySummary, ProviderSummary } from '@/site-data/taxonomy'
import { getPublishedTermCount } from '@/site-data/term-index'

export const metadata: Metadata = homeMetadata()

function Intro({ termCount }: { termCount: number }) {
  return (
    <section aria-labelledby="intro" className="mb-12 rounded-2xl border border-line bg-surface px-6 py-10 sm:px-10">
      <h1 id="intro" className="max-w-3xl">
        Cloud computing, explained in plain words
      </h1>
      <p className="mt-4 max-w-2xl text-lg text-muted">
        Cloudlex is an open glossary of {termCount} cloud terms. Each one comes with an everyday analogy, real use
        cases, and the matching service on AWS, Azure, Google Cloud and Oracle Cloud.
      </p>
      <div className="mt-6 max-w-xl">
        <SearchBox label="Search the glossary" />
      </div>
      <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1">
        <a href={TERM_INDEX_PATH}>Browse A–Z</a>
        <a href={COMPARE_PATH}>Compare providers</a>
      </p>
    </section>
  )
}

function CategoriesSection({ categories, counts }: { categories: readonly CategorySummary[]; counts: TermCounts }) {
  return (
    <section aria-labelledby="categories" className="mb-12">
      <h2 id="categories" className="mb-4">
        Categories
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {categories
          .filter((category) => (counts[category.id] ?? 0) > 0)
          .map((category) => (
            <li key={category.slug}>
              <a
                href={categoryPath(category.slug)}
                className="card flex items-center justify-between gap-3 font-semibold text-ink no-underline hover:border-accent"
              >
                {category.name}
                <span className="rounded-full bg-sunken px-2.5 py-0.5 text-sm text-muted">
                  {counts[category.id]}
                  <span className="sr-only"> terms</span>
                </span>
              </a>
            </li>
          ))}
      </ul>
    </section>
  )
}

function ProvidersSection({ providers, counts }: { providers: readonly ProviderSummary[]; counts: TermCounts }) {
  return (
    <section aria-labelledby="providers" className="render-when-visible mb-12">
      <h2 id="providers" className="mb-4">
        Providers
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {providers.map((provider) => (
          <li key={provider.slug}>
            <a
              href={providerPath(provider.slug)}
              className="card flex items-center gap-3 text-ink no-underline hover:border-accent"
            >
              <ProviderMark provider={provider} logoUrl={provider.logoUrl} size="lg" />
              <span>
                <span className="block font-semibold">{provider.fullName}</span>
                <span className="text-sm text-muted">{counts[provider.id] ?? 0} services</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

export default async function HomePage() {
  const [termCount, categories, categoryCounts, providers, providerCounts, recent] = await Promise.all([
    getPublishedTermCount(),
    getCategories(),
    getCategoryTermCounts(),
    getProviders(),
    getProviderServiceCounts(),
    getHomeRecentTerms(),
  ])
  return (
    <>
      <JsonLd data={homePageStructuredData()} />
      <Intro termCount={termCount} />
      <CategoriesSection categories={categories} counts={categoryCounts} />
      <ProvidersSection providers={providers} counts={providerCounts} />
      <TermCardSection id="recently-added" heading="Recently added" terms={recent.added} />
      <TermCardSection id="recently-updated" heading="Recently updated" terms={recent.updated} />
    </>
  )
}
