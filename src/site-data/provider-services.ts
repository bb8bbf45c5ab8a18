// One page of a provider's page: the published terms that list the provider, in title order, each with
// the provider's service for it (or "no equivalent"), plus how many of them name a real service.
import type { Payload } from 'payload'

import { cachedRead } from '@/site-cache/cached-read'
import { CATEGORY_LIST_TAG, providerTag, providerTermsTag } from '@/site-cache/cache-tags'
import { isHttpUrl } from '@/fields/http-url'
import { getPayloadClient } from '@/site-data/payload-client'
import { relationId } from '@/fields/relations'
import type { CategoryRef, ProviderEquivalentView } from '@/site-data/term-view'

import { countPublishedTerms, findPublishedTerms, type ListPage } from './published-terms'
import { categoryRefsById, readCategories, type ProviderSummary } from './taxonomy'

export const ROWS_PER_PROVIDER_PAGE = 50

export type ProviderServiceRow = {
  term: { title: string; slug: string }
  category: CategoryRef | null
  /** Null when the term records that the provider has no equivalent. */
  service: string | null
  matchLevel: ProviderEquivalentView['matchLevel']
  docUrl: string | null
}

export type ProviderServicesPage = ListPage<ProviderServiceRow> & { serviceCount: number }

type EquivalentRow = {
  provider?: unknown
  service?: string | null
  matchLevel?: ProviderEquivalentView['matchLevel'] | null
  docUrl?: string | null
}

/** The provider's row of a term, as the page shows it; null if the term does not list the provider. */
export function serviceRowFor(
  term: { title: string; slug: string; category?: unknown; providerEquivalents?: EquivalentRow[] | null },
  providerId: string,
  categories: ReadonlyMap<string, CategoryRef>,
): ProviderServiceRow | null {
  const row = (term.providerEquivalents ?? []).find((equivalent) => relationId(equivalent.provider) === providerId)
  if (!row) return null
  const service = row.service?.trim() ? row.service.trim() : null
  const categoryId = relationId(term.category)
  return {
    term: { title: term.title, slug: term.slug },
    category: categoryId ? (categories.get(categoryId) ?? null) : null,
    service,
    matchLevel: row.matchLevel ?? (service ? null : 'none'),
    docUrl: isHttpUrl(row.docUrl) ? row.docUrl : null,
  }
}

export async function readProviderServices(
  payload: Payload,
  provider: Pick<ProviderSummary, 'id'>,
  page: number,
): Promise<ProviderServicesPage> {
  const [result, serviceCount, categories] = await Promise.all([
    findPublishedTerms(payload, {
      where: { 'providerEquivalents.provider': { equals: provider.id } },
      page,
      perPage: ROWS_PER_PROVIDER_PAGE,
      select: { title: true, slug: true, category: true, providerEquivalents: true },
    }),
    countPublishedTerms(payload, { providersWithService: { in: [provider.id] } }),
    readCategories(payload),
  ])
  const byId = categoryRefsById(categories)
  const items = result.docs.flatMap((term) => {
    const row = serviceRowFor(term, provider.id, byId)
    return row ? [row] : []
  })
  return { items, total: result.totalDocs, page, perPage: ROWS_PER_PROVIDER_PAGE, serviceCount }
}

export function getProviderServices(
  provider: Pick<ProviderSummary, 'id'>,
  page: number,
): Promise<ProviderServicesPage> {
  return cachedRead(
    ['provider-services', provider.id, page],
    [providerTag(provider.id), providerTermsTag(provider.id), CATEGORY_LIST_TAG],
    async () => readProviderServices(await getPayloadClient(), provider, page),
  )
}
