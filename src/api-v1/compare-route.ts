// GET /api/v1/compare: the cross-provider matrix a page of rows at a time, for chosen providers and
// optionally one category, made by the same row builder as the site's compare page and downloads.
import { categoryTag, providerTag, PROVIDER_LIST_TAG, termIdTag, TERM_LISTS_TAG } from '@/site-cache/cache-tags'
import { compareRow } from '@/downloads/compare-matrix'
import { getPayloadClient } from '@/site-data/payload-client'
import { findPublishedTermsAfter } from '@/site-data/published-terms'
import { findCategoryBySlug, getProviders, type ProviderSummary } from '@/site-data/taxonomy'

import { CompareQuerySchema, CompareSchema, MAX_PROVIDERS_ASKED } from './compare-schema'
import { encodeCursor, positionFromCursor } from './list-cursor'
import { invalidParameterResponse } from '../http/problem'
import { parseQuery } from './query-parameters'
import type { DIFFICULTIES } from './term-schema'
import { boundedCacheTags, v1Answer } from './v1-answer'

const COMPARE_ORDER = 'title'

/** The providers named by `providers=a,b`, in that order (every provider when not given), or what is wrong. */
function chosenProviders(all: readonly ProviderSummary[], asked: string | undefined): ProviderSummary[] | string {
  if (asked === undefined) return [...all]
  const slugs = asked.split(',').map((slug) => slug.trim())
  if (slugs.length > MAX_PROVIDERS_ASKED) return `at most ${MAX_PROVIDERS_ASKED} providers`
  if (new Set(slugs).size !== slugs.length) return 'a provider is named twice'
  const chosen: ProviderSummary[] = []
  for (const slug of slugs) {
    const provider = all.find((candidate) => candidate.slug === slug)
    if (!provider) return `no provider has the slug "${slug.slice(0, 60)}"`
    chosen.push(provider)
  }
  return chosen
}

export async function answerCompare(request: Request): Promise<Response> {
  const query = parseQuery(request, CompareQuerySchema)
  if (!query.ok) return query.response
  const { providers: askedProviders, category: askedCategory, limit, cursor } = query.value
  const path = new URL(request.url).pathname
  const after = positionFromCursor(path, cursor, COMPARE_ORDER)
  if (after instanceof Response) return after

  const providers = chosenProviders(await getProviders(), askedProviders)
  if (typeof providers === 'string') return invalidParameterResponse(path, 'providers', providers)
  const category = askedCategory === undefined ? null : await findCategoryBySlug(askedCategory)
  if (askedCategory !== undefined && !category)
    return invalidParameterResponse(path, 'category', `no category has the slug "${askedCategory}"`)

  const { docs, end } = await findPublishedTermsAfter(await getPayloadClient(), {
    where: category ? { category: { equals: category.id } } : {},
    order: COMPARE_ORDER,
    after,
    limit,
    select: { title: true, slug: true, difficulty: true, providerEquivalents: true },
  })
  const rows = docs.map((term) => {
    const row = compareRow(term, providers)
    return {
      term: { ...row.term, difficulty: row.term.difficulty as (typeof DIFFICULTIES)[number] },
      cells: row.cells.map((cell) =>
        cell
          ? { service: cell.service, matchLevel: cell.matchLevel, keyDifference: cell.note, docUrl: cell.docUrl }
          : null,
      ),
    }
  })
  return v1Answer(
    request,
    CompareSchema,
    {
      category: category ? { slug: category.slug, name: category.name } : null,
      providers: providers.map((provider) => ({
        slug: provider.slug,
        name: provider.name,
        fullName: provider.fullName ?? null,
      })),
      rows,
      next: end ? encodeCursor(COMPARE_ORDER, end) : null,
    },
    [
      ...(category ? [categoryTag(category.id)] : []),
      ...boundedCacheTags(
        providers.map((provider) => providerTag(provider.id)),
        [PROVIDER_LIST_TAG],
      ),
      ...boundedCacheTags(
        docs.map((term) => termIdTag(term.id)),
        [TERM_LISTS_TAG],
      ),
    ],
  )
}
