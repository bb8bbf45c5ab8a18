// What the category and provider pages show, derived from the published snapshot.
import { getSiteContent, type CategoryView, type ProviderView } from './site-content'
import type { ProviderEquivalentView, TermView } from './term-view'

export type CategoryPageData = { category: CategoryView; terms: TermView[] }

export type ProviderService = {
  service: string
  matchLevel: ProviderEquivalentView['matchLevel']
  docUrl: string | null
  note: string | null
  term: Pick<TermView, 'title' | 'slug' | 'category'>
}

export type ProviderPageData = {
  provider: ProviderView
  /** Sorted by service name. */
  services: ProviderService[]
  /** Terms that record the provider as having no equivalent. */
  withoutEquivalent: Pick<TermView, 'title' | 'slug'>[]
}

export async function getCategoryPage(slug: string): Promise<CategoryPageData | null> {
  const content = await getSiteContent()
  const category = content.categories.find((candidate) => candidate.slug === slug)
  if (!category) return null
  return { category, terms: content.terms.filter((term) => term.category?.slug === slug) }
}

export function providerPageData(terms: readonly TermView[], provider: ProviderView): ProviderPageData {
  const services: ProviderService[] = []
  const withoutEquivalent: ProviderPageData['withoutEquivalent'] = []
  for (const term of terms) {
    const row = term.providerEquivalents.find((equivalent) => equivalent.provider.slug === provider.slug)
    if (!row) continue
    if (row.service === null) {
      withoutEquivalent.push({ title: term.title, slug: term.slug })
      continue
    }
    services.push({
      service: row.service,
      matchLevel: row.matchLevel,
      docUrl: row.docUrl,
      note: row.note,
      term: { title: term.title, slug: term.slug, category: term.category },
    })
  }
  services.sort((a, b) => a.service.localeCompare(b.service, 'en', { sensitivity: 'base' }))
  return { provider, services, withoutEquivalent }
}

export async function getProviderPage(slug: string): Promise<ProviderPageData | null> {
  const content = await getSiteContent()
  const provider = content.providers.find((candidate) => candidate.slug === slug)
  return provider ? providerPageData(content.terms, provider) : null
}
