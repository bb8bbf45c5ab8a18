// Site routes with hostile query strings and paths: search, index filters, downloads, suggest, preview,
// and the v1 content API.
import type { CorpusContext, HostileRequest } from './cases'
import type { Random } from './random'
import { encodeHostile, hostileString, INJECTIONS } from './values'

const UP = '..' + '/'

const TRAVERSALS = [
  `/terms/${encodeHostile(UP.repeat(4) + 'etc/passwd')}`,
  '/terms/..%2f..%2f..%2fpackage.json',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/terms/%2e%2e%2f%2e%2e%2f.env',
  '/categories/%00',
  '/providers/%c0%ae%c0%ae%2f',
  '/_next/static/..%2f..%2f..%2fpackage.json',
  '/media/..%2f.env',
  '/api/media/file/..%2f..%2f.env',
  '/terms/cloudtrail/..%5c..%5c..%5cwindows',
  '/%5c%5cevil.example',
  '//evil.example/terms',
  '/terms//cloudtrail',
  '/feed.xml/..;/admin',
  '/sitemap.xml%00.txt',
  '/compare.csv/../../data',
]

const PREVIEW_PATHS = [
  '/terms/cloudtrail',
  '//evil.example',
  '/\t/evil.example',
  '/%2F%2Fevil.example',
  '/\\evil.example',
  'https://evil.example',
  '/%09/evil.example',
  '/ /evil.example',
  '/\n/evil.example',
  '/.//evil.example',
  '',
]

/** The v1 endpoints that take query parameters, with their parameters. */
const V1_LISTS: [string, string[]][] = [
  ['terms', ['category', 'difficulty', 'provider', 'updatedSince', 'sort', 'limit', 'cursor']],
  ['providers/aws/services', ['limit', 'cursor']],
  ['compare', ['providers', 'category', 'limit', 'cursor']],
  ['search', ['q', 'page']],
]

/** Values each parameter accepts, mixed into the hostile ones so deeper code is reached too. */
const V1_PLAUSIBLE: Record<string, string[]> = {
  category: ['security', 'compute'],
  difficulty: ['beginner', 'advanced'],
  provider: ['aws', 'oci'],
  providers: ['aws,azure', 'gcp', 'aws,,azure'],
  updatedSince: ['2026-01-01T00:00:00Z', '1970-01-01T00:00:00.000+14:00'],
  sort: ['-title', 'updatedAt'],
  limit: ['1', '100', '101', '-1', '1e2'],
  cursor: ['eyJvIjoidGl0bGUiLCJrIjoiYSIsInMiOiJhIn0', 'eyJvIjoidGl0bGUiLCJrIjoiJyBPUiAxPTEtLSIsInMiOiJcdTAwMDAifQ'],
  q: ['cloudtrail', 'a', '*'],
  page: ['1', '10', '11'],
}

function queryValue(random: Random): string {
  return encodeHostile(random.chance(0.2) ? random.pick(INJECTIONS) : hostileString(random))
}

export function siteRequest(random: Random, context: CorpusContext): HostileRequest {
  switch (random.int(0, 8)) {
    case 0:
      return {
        method: 'GET',
        path: `/search?q=${queryValue(random)}${random.chance(0.3) ? `&page=${queryValue(random)}` : ''}`,
      }
    case 1:
      return { method: 'GET', path: `/search/suggest?q=${queryValue(random)}` }
    case 2:
      return {
        method: 'GET',
        path: `/terms?category=${queryValue(random)}&provider=${queryValue(random)}&difficulty=${queryValue(random)}`,
      }
    case 3:
      return {
        method: 'GET',
        path: `/${random.pick(['compare.csv', 'compare.json', 'compare'])}?category=${queryValue(random)}&provider=${queryValue(random)}&${random.pick(['category', 'provider', 'x'])}=${queryValue(random)}`,
      }
    case 4: {
      const path = encodeHostile(random.pick(PREVIEW_PATHS))
      const secret = random.chance(0.6) ? context.previewSecret : queryValue(random)
      return { method: 'GET', path: `/next/preview?path=${path}&secret=${secret}` }
    }
    case 5:
      return { method: 'GET', path: random.pick(TRAVERSALS) }
    case 6:
      return {
        method: 'GET',
        path: `/${random.pick(['terms', 'categories', 'providers'])}/${queryValue(random).slice(0, 3_000)}`,
      }
    case 7: {
      if (random.chance(0.5)) {
        const [endpoint, parameters] = random.pick(V1_LISTS)
        const query = parameters
          .filter(() => random.chance(0.6))
          .map(
            (name) => `${name}=${random.chance(0.3) ? random.pick(V1_PLAUSIBLE[name] ?? ['1']) : queryValue(random)}`,
          )
        return { method: 'GET', path: `/api/v1/${endpoint}?${query.join('&')}` }
      }
      const query = random.chance(0.5) ? `?${queryValue(random)}=${queryValue(random)}` : ''
      return {
        method: 'GET',
        path: `/api/v1/${random.pick(['terms/', 'terms/cloudtrail/', 'providers/', 'providers/aws/services/', ''])}${queryValue(random).slice(0, 3_000)}${query}`,
      }
    }
    default:
      return {
        method: 'GET',
        path: `/${random.pick(['', 'terms', 'feed.xml', 'feed.json', 'sitemap.xml', 'robots.txt', 'next/exit-preview'])}?${queryValue(random)}=${queryValue(random)}`,
      }
  }
}
