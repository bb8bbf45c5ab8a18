// The scale targets (set for 10,000 terms on a 2-core machine; 100,000 has its own where it says so) and
// the v1 API's rows, checked against one run's numbers. Applied at every size: a smaller glossary
// should meet them too.
import type { EndpointKey } from './endpoints'

export type Unit = 'ms' | 'ratio' | 'bytes' | 'count' | 'terms/s' | 'growth'

export type TargetCheck = {
  metric: string
  unit: Unit
  /** 'max': the value must be at most the limit; 'min': at least. */
  bound: 'max' | 'min'
  limit: number
  /** null when it could not be measured (counts as a miss). */
  value: number | null
  pass: boolean
}

/** From this size on, the 100k targets apply (search p95, server RSS). */
export const LARGE_GLOSSARY_TERMS = 100_000
export const MAX_P50_GROWTH = 1.5
const MB = 1_000_000
const KB = 1_000

export function checkTarget(
  metric: string,
  unit: Unit,
  bound: 'max' | 'min',
  limit: number,
  value: number | null,
): TargetCheck {
  const pass = value !== null && Number.isFinite(value) && (bound === 'max' ? value <= limit : value >= limit)
  return { metric, unit, bound, limit, value, pass }
}

export type EndpointNumbers = {
  ratio: number
  p95Ms: number | null
  p99Ms: number | null
  failures: number
  bodyBytes: number
}

export function endpointTargets(key: EndpointKey, terms: number, numbers: EndpointNumbers): TargetCheck[] {
  const checks = [checkTarget('non-2xx or failed', 'count', 'max', 0, numbers.failures)]
  const searchP95Ms = terms >= LARGE_GLOSSARY_TERMS ? 50 : 20
  switch (key) {
    case 'term-page':
      checks.push(
        checkTarget('× ceiling', 'ratio', 'min', 0.05, numbers.ratio),
        checkTarget('p99', 'ms', 'max', 100, numbers.p99Ms),
      )
      break
    case 'terms-index':
    case 'compare':
      checks.push(
        checkTarget('× ceiling', 'ratio', 'min', 0.02, numbers.ratio),
        checkTarget('HTML', 'bytes', 'max', 150 * KB, numbers.bodyBytes),
      )
      break
    case 'search-page':
    case 'search-suggest':
      // At 20 connections a search waits behind 19 others: even a page served whole from Next's cache has
      // a p95 of 25-40 ms there. The latency target is checked on the one-reader rows.
      break
    case 'search-page-one-reader':
    case 'search-suggest-one-reader':
      checks.push(checkTarget('p95', 'ms', 'max', searchP95Ms, numbers.p95Ms))
      break
    case 'rest-term':
      checks.push(checkTarget('p99', 'ms', 'max', 100, numbers.p99Ms))
      break
    case 'rest-list':
      checks.push(checkTarget('p99', 'ms', 'max', 500, numbers.p99Ms))
      break
    case 'graphql-term':
      checks.push(checkTarget('p99', 'ms', 'max', 150, numbers.p99Ms))
      break
    case 'v1-term':
      checks.push(checkTarget('p99', 'ms', 'max', 50, numbers.p99Ms))
      break
    case 'v1-list':
      checks.push(checkTarget('p99', 'ms', 'max', 100, numbers.p99Ms))
      break
    case 'term-page-via-proxy':
      // Issue 12: a cached term page through the proxy at half the ceiling's rate or better.
      checks.push(checkTarget('× ceiling', 'ratio', 'min', 0.5, numbers.ratio))
      break
    case 'terms-index-via-proxy':
    case 'compare-via-proxy':
      break
  }
  return checks
}

/** A through-proxy row measures the proxy's cache only if nginx answered every request from it. */
export function proxyCacheTarget({ hits, distinct }: { hits: number; distinct: number }): TargetCheck {
  return checkTarget('answered from the nginx cache', 'count', 'min', distinct, hits)
}

export function serverTargets(terms: number, peakRssBytes: number | null): TargetCheck[] {
  const limit = terms >= LARGE_GLOSSARY_TERMS ? 1_200 * MB : 600 * MB
  return [checkTarget('server peak RSS', 'bytes', 'max', limit, peakRssBytes)]
}

/**
 * The issue sets the import's speed at 10,000 and 100,000 terms: below, the start (loading Payload,
 * creating a fresh database's tables) takes a fifth of the run and the rate says little about the import.
 */
export const IMPORT_SPEED_FROM_TERMS = 10_000

export function importTargets(terms: number, termsPerSecond: number, peakRssBytes: number | null): TargetCheck[] {
  return [
    ...(terms >= IMPORT_SPEED_FROM_TERMS ? [checkTarget('import speed', 'terms/s', 'min', 200, termsPerSecond)] : []),
    checkTarget('import peak RSS', 'bytes', 'max', 500 * MB, peakRssBytes),
  ]
}

export type FreshnessNumbers = {
  visibleAfterMs: number | null
  firstRequestMs: number | null
  maxLatencyAfterChangeMs: number | null
  /** Non-2xx answers and failed requests (timeouts included) of the load during the probe. */
  failures: number
}

export function freshnessTargets({
  visibleAfterMs,
  firstRequestMs,
  maxLatencyAfterChangeMs,
  failures,
}: FreshnessNumbers): TargetCheck[] {
  return [
    checkTarget('non-2xx or failed under load', 'count', 'max', 0, failures),
    checkTarget('publish → visible', 'ms', 'max', 2_000, visibleAfterMs),
    checkTarget('first request after the change', 'ms', 'max', 300, firstRequestMs),
    checkTarget('slowest request in the 5 s after', 'ms', 'max', 300, maxLatencyAfterChangeMs),
  ]
}

/**
 * One endpoint's p50 growth, with what explains growth that is not the app's: the size of what it
 * answered at each glossary size, and how the ceiling server's p50 grew serving those same bytes.
 */
export type GrowthRow = {
  key: EndpointKey
  label: string
  fromP50Ms: number | null
  toP50Ms: number | null
  fromBytes?: number
  toBytes?: number
  ceilingGrowth?: number | null
  check: TargetCheck
}
type P50Row = {
  key: EndpointKey
  label: string
  p50Ms: number | null
  bodyBytes?: number
  ceilingP50Ms?: number | null
}

const ratio = (from: number | null | undefined, to: number | null | undefined) =>
  from && to !== null && to !== undefined ? to / from : null

/** How each endpoint's p50 grew from a smaller glossary to a larger one in the same run. */
export function p50Growth(from: readonly P50Row[], to: readonly P50Row[]): GrowthRow[] {
  return to.flatMap((row) => {
    const earlier = from.find((candidate) => candidate.key === row.key)
    if (!earlier) return []
    const growth = ratio(earlier.p50Ms, row.p50Ms)
    return [
      {
        key: row.key,
        label: row.label,
        fromP50Ms: earlier.p50Ms,
        toP50Ms: row.p50Ms,
        fromBytes: earlier.bodyBytes,
        toBytes: row.bodyBytes,
        ceilingGrowth: ratio(earlier.ceilingP50Ms, row.ceilingP50Ms),
        check: checkTarget('p50 growth', 'growth', 'max', MAX_P50_GROWTH, growth),
      },
    ]
  })
}
