// GET /api/v1/terms: published terms a page at a time, in title order or by time of change, filtered by
// category, difficulty, provider and time of change. Pages are read by position (./list-cursor.ts), each
// in one indexed query whatever the size of the glossary.
import type { Where } from 'payload'

import type { Term } from '@/payload-types'
import { termIdTag, TERM_LISTS_TAG } from '@/site-cache/cache-tags'
import { getPayloadClient } from '@/site-data/payload-client'
import { relationId } from '@/fields/relations'
import { findPublishedTermsAfter } from '@/site-data/published-terms'
import { categoryRefsById, findCategoryBySlug, findProviderBySlug, getCategories } from '@/site-data/taxonomy'

import { encodeCursor, positionFromCursor } from './list-cursor'
import { invalidParameterResponse } from '../http/problem'
import { parseQuery } from './query-parameters'
import { TermListQuerySchema, TermListSchema, type V1TermListItem } from './term-schema'
import { boundedCacheTags, v1Answer } from './v1-answer'
import { previewAllowed, previewRefusal } from './v1-route'

const TERM_LIST_ITEM_SELECT = {
  title: true,
  slug: true,
  definition: true,
  difficulty: true,
  category: true,
  updatedAt: true,
} as const

type ListedTerm = Pick<Term, 'id' | 'title' | 'slug' | 'definition' | 'difficulty' | 'updatedAt'> & {
  category?: Term['category'] | null
}

export async function answerTermList(request: Request): Promise<Response> {
  const query = parseQuery(request, TermListQuerySchema)
  if (!query.ok) return query.response
  const { category, difficulty, provider, updatedSince, sort, limit, cursor } = query.value
  const drafts = query.value.preview === 'true'
  if (drafts && !previewAllowed()) return previewRefusal(request)
  const path = new URL(request.url).pathname
  const after = positionFromCursor(path, cursor, sort)
  if (after instanceof Response) return after

  const filters: Where[] = []
  if (category !== undefined) {
    const found = await findCategoryBySlug(category)
    if (!found) return invalidParameterResponse(path, 'category', `no category has the slug "${category}"`)
    filters.push({ category: { equals: found.id } })
  }
  if (provider !== undefined) {
    const found = await findProviderBySlug(provider)
    if (!found) return invalidParameterResponse(path, 'provider', `no provider has the slug "${provider}"`)
    filters.push({ providersWithService: { in: [found.id] } })
  }
  if (difficulty !== undefined) filters.push({ difficulty: { equals: difficulty } })
  if (updatedSince !== undefined)
    filters.push({ updatedAt: { greater_than_equal: new Date(updatedSince).toISOString() } })

  const [{ docs, end }, categories] = await Promise.all([
    findPublishedTermsAfter(await getPayloadClient(), {
      where: { and: filters },
      order: sort,
      after,
      limit,
      select: TERM_LIST_ITEM_SELECT,
      drafts,
    }),
    getCategories(),
  ])
  const categoryRefs = categoryRefsById(categories)
  const items = (docs as ListedTerm[]).map((term): V1TermListItem => {
    const categoryId = relationId(term.category)
    return {
      id: String(term.id),
      slug: term.slug,
      title: term.title,
      definition: term.definition,
      difficulty: term.difficulty,
      category: categoryId ? (categoryRefs.get(categoryId) ?? null) : null,
      updatedAt: term.updatedAt,
    }
  })
  return v1Answer(request, TermListSchema, { items, next: end ? encodeCursor(sort, end) : null }, [
    TERM_LISTS_TAG,
    ...boundedCacheTags(
      items.map((item) => termIdTag(item.id)),
      [],
    ),
  ])
}
