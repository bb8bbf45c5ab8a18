// `npm run bench -- --proxy`: the pages shared caches may keep, loaded again through the repository's
// nginx config (deploy/nginx, one worker) in front of the same app server, against the same ceiling.
import { startNginxProxy, type NginxProxy } from '../tests/support/nginx-proxy'

import { exchange, requestKey, type BenchRequest } from './bench-request'
import { onCleanup } from './child-processes'
import type { BenchEndpoint, EndpointKey } from './endpoints'

/** Each page the app marks cacheable for shared caches (s-maxage), and its row through the proxy. */
const THROUGH_PROXY: Partial<Record<EndpointKey, EndpointKey>> = {
  'term-page': 'term-page-via-proxy',
  'terms-index': 'terms-index-via-proxy',
  compare: 'compare-via-proxy',
}

export function proxiedEndpoints(endpoints: readonly BenchEndpoint[]): BenchEndpoint[] {
  return endpoints.flatMap(({ key, label, requests }) => {
    const proxiedKey = THROUGH_PROXY[key]
    return proxiedKey ? [{ key: proxiedKey, label: `${label} via nginx`, requests }] : []
  })
}

export type CacheCheck = { hits: number; distinct: number }

/** Asks nginx for each distinct request twice and counts the second answers it gave from its cache. */
export async function countCacheHits(proxyUrl: string, requests: readonly BenchRequest[]): Promise<CacheCheck> {
  const distinct = [
    ...new Map(
      requests.map((request) => [requestKey(request.method, request.path, request.body ?? ''), request]),
    ).values(),
  ]
  let hits = 0
  for (const request of distinct) {
    await exchange(proxyUrl, request)
    const again = await exchange(proxyUrl, request)
    if (again.headers.some(([name, value]) => name.toLowerCase() === 'x-cache-status' && value === 'HIT')) hits += 1
  }
  return { hits, distinct: distinct.length }
}

/** nginx in front of the bench's app server, stopped with the bench's other children. */
export async function startBenchProxy(appBaseUrl: string): Promise<NginxProxy> {
  const proxy = await startNginxProxy({ upstreams: [new URL(appBaseUrl).host], accessLog: false })
  onCleanup(proxy.stop)
  return proxy
}
