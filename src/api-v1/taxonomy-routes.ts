// GET /api/v1/categories, /api/v1/providers and /api/v1/providers/{slug}/services. The short lists come
// from the site's cached reads (src/site-data/taxonomy.ts); a provider's services are read a page at a
// time by position, like the term list.
import {
  categoryTag,
  CATEGORY_LIST_TAG,
  providerTag,
  PROVIDER_LIST_TAG,
  termIdTag,
  TERM_LISTS_TAG,
} from '@/site-cache/cache-tags'
import { getPayloadClient } from '@/site-data/payload-client'
import { relationId } from '@/fields/relations'
import { serviceRowFor } from '@/site-data/provider-services'
import { findPublishedTermsAfter } from '@/site-data/published-terms'
import {
  categoryRefsById,
  findProviderBySlug,
  getCategories,
  getCategoryTermCounts,
  getProviders,
  getProviderServiceCounts,
} from '@/site-data/taxonomy'

import { encodeCursor, positionFromCursor } from './list-cursor'
import { problem, problemResponse } from '../http/problem'
import { parseQuery, refuseUnknownParameters } from './query-parameters'
import {
  CategoryListSchema,
  ProviderListSchema,
  ProviderServicesQuerySchema,
  ProviderServicesSchema,
} from './taxonomy-schema'
import { MAX_SLUG_LENGTH } from './term-schema'
import { boundedCacheTags, v1Answer } from './v1-answer'

export async function answerCategories(request: Request): Promise<Response> {
  const refusal = refuseUnknownParameters(request, [])
  if (refusal) return refusal
  const [categories, counts] = await Promise.all([getCategories(), getCategoryTermCounts()])
  const items = categories.map((category) => ({
    slug: category.slug,
    name: category.name,
    description: category.description,
    termCount: counts[category.id] ?? 0,
  }))
  return v1Answer(request, CategoryListSchema, { items }, [
    CATEGORY_LIST_TAG,
    TERM_LISTS_TAG,
    ...categories.map((category) => categoryTag(category.id)),
  ])
}

export async function answerProviders(request: Request): Promise<Response> {
  const refusal = refuseUnknownParameters(request, [])
  if (refusal) return refusal
  const [providers, counts] = await Promise.all([getProviders(), getProviderServiceCounts()])
  const items = providers.map((provider) => ({
    slug: provider.slug,
    name: provider.name,
    fullName: provider.fullName ?? null,
    website: provider.website,
    serviceCount: counts[provider.id] ?? 0,
  }))
  return v1Answer(request, ProviderListSchema, { items }, [
    PROVIDER_LIST_TAG,
    TERM_LISTS_TAG,
    ...providers.map((provider) => providerTag(provider.id)),
  ])
}

/** Orders a provider's services by term title, the order of the site's provider page. */
const SERVICES_ORDER = 'title'

export async function answerProviderServices(request: Request, slug: string): Promise<Response> {
  const query = parseQuery(request, ProviderServicesQuerySchema)
  if (!query.ok) return query.response
  const path = new URL(request.url).pathname
  const provider = slug.length <= MAX_SLUG_LENGTH ? await findProviderBySlug(slug) : null
  if (!provider)
    return problemResponse(problem('not-found', path, `No provider has the slug "${slug.slice(0, MAX_SLUG_LENGTH)}".`))
  const { limit, cursor } = query.value
  const after = positionFromCursor(path, cursor, SERVICES_ORDER)
  if (after instanceof Response) return after
  const [{ docs, end }, categories] = await Promise.all([
    findPublishedTermsAfter(await getPayloadClient(), {
      where: { 'providerEquivalents.provider': { equals: provider.id } },
      order: SERVICES_ORDER,
      after,
      limit,
      select: { title: true, slug: true, category: true, providerEquivalents: true },
    }),
    getCategories(),
  ])
  const categoryRefs = categoryRefsById(categories)
  const items = docs.flatMap((term) => {
    const row = serviceRowFor(term, provider.id, categoryRefs)
    return row ? [row] : []
  })
  const categoryIds = new Set(docs.flatMap((term) => relationId(term.category) ?? []))
  return v1Answer(
    request,
    ProviderServicesSchema,
    {
      provider: { slug: provider.slug, name: provider.name, fullName: provider.fullName ?? null },
      items,
      next: end ? encodeCursor(SERVICES_ORDER, end) : null,
    },
    [
      providerTag(provider.id),
      ...boundedCacheTags(
        [...docs.map((term) => termIdTag(term.id)), ...[...categoryIds].map(categoryTag)],
        [TERM_LISTS_TAG, CATEGORY_LIST_TAG],
      ),
    ],
  )
}
