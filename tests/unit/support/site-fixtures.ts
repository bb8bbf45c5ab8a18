// Fixtures for the compare and filter tests: three providers, and terms built on the shared fixtures.
import type { SiteContent } from '@/lib/site-content'
import type { ProviderEquivalentView, TermView } from '@/lib/term-view'

import { siteContent as buildSiteContent, term } from '../fixtures/site-content'

const PROVIDER_ROWS = [
  { name: 'AWS', slug: 'aws', fullName: 'Amazon Web Services', brandColor: '#ff9900' },
  { name: 'Azure', slug: 'azure', fullName: 'Microsoft Azure', brandColor: '#0078d4' },
  { name: 'GCP', slug: 'gcp', fullName: 'Google Cloud', brandColor: '#4285f4' },
]

export function equivalent(
  providerSlug: string,
  service: string | null,
  matchLevel: ProviderEquivalentView['matchLevel'] = 'exact',
): ProviderEquivalentView {
  const provider = PROVIDER_ROWS.find((candidate) => candidate.slug === providerSlug)!
  return {
    provider,
    service,
    matchLevel: service === null ? 'none' : matchLevel,
    docUrl: service ? `https://docs.example/${providerSlug}` : null,
    note: null,
  }
}

export const termView = term

export function siteContent(terms: TermView[]): SiteContent {
  return buildSiteContent(terms, undefined, PROVIDER_ROWS)
}
