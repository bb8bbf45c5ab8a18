// Small hand-made snapshots of published content for tests of the site's pure modules.
import type { ProviderView, SiteContent } from '@/lib/site-content'
import type { ProviderEquivalentView, TermView } from '@/lib/term-view'

export const PROVIDERS: ProviderView[] = [
  ['AWS', 'aws', 'Amazon Web Services', '#ff9900'],
  ['Azure', 'azure', 'Microsoft Azure', '#0078d4'],
  ['GCP', 'gcp', 'Google Cloud', '#4285f4'],
].map(([name, slug, fullName, brandColor], index) => ({
  id: `provider-${index}`,
  name: name!,
  slug: slug!,
  fullName: fullName!,
  brandColor: brandColor!,
  website: null,
  logoUrl: null,
  logoAlt: null,
  termCount: 0,
}))

export function equivalent(providerSlug: string, service: string | null, matchLevel: ProviderEquivalentView['matchLevel'] = 'exact'): ProviderEquivalentView {
  const provider = PROVIDERS.find((candidate) => candidate.slug === providerSlug)!
  return {
    provider: { name: provider.name, slug: provider.slug, fullName: provider.fullName, brandColor: provider.brandColor },
    service,
    matchLevel: service === null ? 'none' : matchLevel,
    docUrl: service ? `https://docs.example/${providerSlug}` : null,
    note: null,
  }
}

export function termView(overrides: Partial<TermView> & Pick<TermView, 'title' | 'slug'>): TermView {
  return {
    id: overrides.slug,
    definition: `${overrides.title} is a cloud idea.`,
    analogy: null,
    body: null,
    bodyText: '',
    difficulty: 'beginner',
    category: { name: 'Security', slug: 'security' },
    aliases: [],
    providerEquivalents: [],
    useCases: [],
    faqs: [],
    relatedTerms: [],
    seeAlso: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function siteContent(terms: TermView[]): SiteContent {
  const categories = new Map<string, { name: string; slug: string; count: number }>()
  for (const term of terms) {
    if (!term.category) continue
    const entry = categories.get(term.category.slug) ?? { ...term.category, count: 0 }
    entry.count += 1
    categories.set(term.category.slug, entry)
  }
  return {
    terms: [...terms].sort((a, b) => a.title.localeCompare(b.title)),
    termsBySlug: new Map(terms.map((term) => [term.slug, term])),
    categories: [...categories.values()].map(({ name, slug, count }) => ({
      id: slug,
      name,
      slug,
      description: null,
      termCount: count,
    })),
    providers: PROVIDERS,
    builtAt: '2026-01-02T00:00:00.000Z',
  }
}
