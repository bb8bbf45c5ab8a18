// GET /api/v1/search: the site's search (src/site-data/site-search.ts) over the published-term directory, which
// follows each change within about a second. Not kept in the anonymous-answer cache: that cache is
// expired when a change is logged, and the directory may apply the change a moment later.
import { termSlugTag, TERM_LISTS_TAG } from '@/site-cache/cache-tags'
import { searchSite } from '@/site-data/site-search'

import { parseQuery } from './query-parameters'
import { SearchQuerySchema, SearchResultsSchema } from './search-schema'
import { boundedCacheTags, v1Answer } from './v1-answer'

export async function answerSearch(request: Request): Promise<Response> {
  const query = parseQuery(request, SearchQuerySchema)
  if (!query.ok) return query.response
  const results = await searchSite(query.value.q, query.value.page)
  return v1Answer(
    request,
    SearchResultsSchema,
    {
      query: results.query,
      page: results.page,
      items: results.hits.map(({ slug, title, category, matchedField, snippet }) => ({
        slug,
        title,
        category,
        matchedField,
        snippet,
      })),
      hasMore: results.hasNextPage,
      didYouMean: results.didYouMean.map(({ slug, title }) => ({ slug, title })),
    },
    boundedCacheTags(
      results.hits.map((hit) => termSlugTag(hit.slug)),
      [TERM_LISTS_TAG],
    ),
  )
}
