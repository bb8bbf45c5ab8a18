import { describe, expect, it } from 'vitest'

import type { EndpointResult, LoadNumbers, SizeResult } from '../../bench/bench-results'
import {
  describeTarget,
  formatBytes,
  formatMs,
  formatRatio,
  latestMarkdown,
  markdownTable,
  sizeReportText,
  textTable,
} from '../../bench/report'
import {
  checkTarget,
  endpointTargets,
  freshnessTargets,
  importTargets,
  p50Growth,
  serverTargets,
} from '../../bench/targets'

const load = (overrides: Partial<LoadNumbers> = {}): LoadNumbers => ({
  requestsPerSecond: 1_000,
  p50Ms: 10,
  p95Ms: 20,
  p99Ms: 30,
  maxMs: 40,
  responses: 10_000,
  non2xx: 0,
  errors: 0,
  ...overrides,
})

function termPage(app: LoadNumbers, ceiling: LoadNumbers): EndpointResult {
  const ratio = app.requestsPerSecond / ceiling.requestsPerSecond
  return {
    key: 'term-page',
    label: 'term page',
    requests: [{ method: 'GET', path: '/terms/a' }],
    bodyBytes: 48_100,
    app,
    ceiling,
    ratio,
    targets: endpointTargets('term-page', 1_000, {
      ratio,
      p95Ms: app.p95Ms,
      p99Ms: app.p99Ms,
      failures: app.non2xx + app.errors,
      bodyBytes: 48_100,
    }),
  }
}

function sizeResult(terms: number, endpoints: EndpointResult[]): SizeResult {
  return {
    date: '2026-11-30',
    terms,
    elapsedSeconds: 240,
    machine: { cpus: 2, cpuModel: 'Test CPU', memoryBytes: 24e9, node: 'v20.20.2', platform: 'Linux' },
    machineLoad: { atStart: 0.5, atEnd: 1.5 },
    settings: { durationSeconds: 10, connections: 20, warmupSeconds: 2 },
    import: {
      terms,
      seconds: 4,
      termsPerSecond: terms / 4,
      peakRssBytes: 300e6,
      targets: importTargets(terms, terms / 4, 300e6),
    },
    server: { peakRssBytes: 450e6, targets: serverTargets(terms, 450e6) },
    endpoints,
    freshness: {
      slug: 'a',
      publishSeconds: 3,
      visibleAfterMs: 800,
      firstRequestMs: 40,
      maxLatencyAfterChangeMs: 120,
      requestsAfterChange: 5_000,
      load: { requestsPerSecond: 1_000, non2xx: 0, errors: 0 },
      targets: freshnessTargets({ visibleAfterMs: 800, firstRequestMs: 40, maxLatencyAfterChangeMs: 120, failures: 0 }),
    },
    growth: null,
  }
}

describe('the scale targets checked against a run', () => {
  it('misses the term page that serves 0.003× its ceiling with a 1.9 s p99, and says both', () => {
    const checks = endpointTargets('term-page', 10_000, {
      ratio: 0.003,
      p95Ms: 900,
      p99Ms: 1_900,
      failures: 0,
      bodyBytes: 50_000,
    })
    expect(checks.filter((check) => !check.pass).map(describeTarget)).toEqual(['× ceiling ≥ 0.05×', 'p99 ≤ 100 ms'])
  })

  it('passes a term page at 0.05× with a 100 ms p99 and no failures (the limits are inclusive)', () => {
    const checks = endpointTargets('term-page', 10_000, {
      ratio: 0.05,
      p95Ms: 90,
      p99Ms: 100,
      failures: 0,
      bodyBytes: 50_000,
    })
    expect(checks.every((check) => check.pass)).toBe(true)
  })

  it('counts a single non-2xx or failed request against any endpoint', () => {
    const checks = endpointTargets('rest-list', 10_000, { ratio: 1, p95Ms: 10, p99Ms: 10, failures: 1, bodyBytes: 1 })
    expect(checks.find((check) => !check.pass)?.metric).toBe('non-2xx or failed')
  })

  it('holds /terms and /compare to 150 kB of HTML', () => {
    const big = endpointTargets('terms-index', 10_000, {
      ratio: 0.5,
      p95Ms: 1,
      p99Ms: 1,
      failures: 0,
      bodyBytes: 1_260_000,
    })
    expect(big.filter((check) => !check.pass).map(describeTarget)).toEqual(['HTML ≤ 150.0 kB'])
  })

  it('allows a lone reader’s search a p95 of 50 ms at 100,000 terms and 20 ms below', () => {
    const at = (terms: number) =>
      endpointTargets('search-suggest-one-reader', terms, { ratio: 1, p95Ms: 35, p99Ms: 40, failures: 0, bodyBytes: 1 })
    expect(at(10_000).every((check) => check.pass)).toBe(false)
    expect(at(100_000).every((check) => check.pass)).toBe(true)
  })

  it('holds search at 20 connections to no latency, only to answering every request', () => {
    const numbers = { ratio: 0.01, p95Ms: 300, p99Ms: 400, failures: 0, bodyBytes: 1 }
    expect(endpointTargets('search-page', 10_000, numbers).map(describeTarget)).toEqual(['non-2xx or failed ≤ 0'])
  })

  it('holds the import to 200 terms/s from 10,000 terms, and to 500 MB at every size', () => {
    const missed = (terms: number, rate: number, rss: number) =>
      importTargets(terms, rate, rss)
        .filter((check) => !check.pass)
        .map(describeTarget)
    expect(missed(1_000, 90, 300e6)).toEqual([])
    expect(missed(10_000, 190, 300e6)).toEqual(['import speed ≥ 200.0 terms/s'])
    expect(missed(100_000, 210, 520e6)).toEqual(['import peak RSS ≤ 500.0 MB'])
  })

  it('allows the server 600 MB at 10,000 terms and 1.2 GB at 100,000', () => {
    expect(serverTargets(10_000, 700e6)[0]!.pass).toBe(false)
    expect(serverTargets(100_000, 700e6)[0]!.pass).toBe(true)
  })

  it('counts what could not be measured as a miss', () => {
    expect(checkTarget('server peak RSS', 'bytes', 'max', 600e6, null).pass).toBe(false)
    const neverShown = freshnessTargets({
      visibleAfterMs: null,
      firstRequestMs: 10,
      maxLatencyAfterChangeMs: 10,
      failures: 0,
    })
    expect(neverShown.filter((check) => !check.pass).map((check) => check.metric)).toEqual(['publish → visible'])
  })

  it('counts a request that failed while the publish was under load, since it has no latency to be slow with', () => {
    const timedOut = freshnessTargets({
      visibleAfterMs: 500,
      firstRequestMs: 10,
      maxLatencyAfterChangeMs: 10,
      failures: 3,
    })
    expect(timedOut.filter((check) => !check.pass).map(describeTarget)).toEqual(['non-2xx or failed under load ≤ 0'])
  })

  it('holds each p50 to at most 1.5× growth from the smaller glossary to the larger', () => {
    const rows = p50Growth(
      [
        { key: 'term-page', label: 'term page', p50Ms: 10 },
        { key: 'rest-list', label: 'REST list', p50Ms: 100 },
      ],
      [
        { key: 'term-page', label: 'term page', p50Ms: 15 },
        { key: 'rest-list', label: 'REST list', p50Ms: 250 },
      ],
    )
    expect(rows.map((row) => [row.key, row.check.value, row.check.pass])).toEqual([
      ['term-page', 1.5, true],
      ['rest-list', 2.5, false],
    ])
  })
})

describe('the bench report', () => {
  it('formats latencies, sizes and ratios as a reader compares them', () => {
    expect([formatMs(3.14159), formatMs(460.4), formatMs(1_900), formatMs(null)]).toEqual([
      '3.1 ms',
      '460 ms',
      '1,900 ms',
      '–',
    ])
    expect([formatBytes(512), formatBytes(48_100), formatBytes(1_260_000), formatBytes(5.7e9)]).toEqual([
      '512 B',
      '48.1 kB',
      '1.26 MB',
      '5.70 GB',
    ])
    expect([formatRatio(0.0031234), formatRatio(0.05), formatRatio(0.5), formatRatio(1.25)]).toEqual([
      '0.0031×',
      '0.05×',
      '0.5×',
      '1.3×',
    ])
  })

  it('aligns text columns and escapes pipes in Markdown cells', () => {
    const table = {
      header: ['endpoint', 'req/s', 'targets'],
      rows: [
        ['term page', '35', 'pass'],
        ['/terms', '1,392', 'MISS a | b'],
      ],
    }
    expect(textTable(table).split('\n')).toEqual([
      'endpoint   req/s  targets',
      'term page     35  pass',
      '/terms     1,392  MISS a | b',
    ])
    expect(markdownTable(table).split('\n')[3]).toBe('| /terms | 1,392 | MISS a \\| b |')
  })

  it('lists every missed target by name with its value and limit, and says so when all are met', () => {
    const slow = sizeResult(1_000, [
      termPage(load({ requestsPerSecond: 40, p99Ms: 1_900 }), load({ requestsPerSecond: 14_000 })),
    ])
    const text = sizeReportText(slow)
    expect(text).toContain('Missed targets (2):')
    expect(text).toContain('term page: × ceiling 0.0029× (target × ceiling ≥ 0.05×)')
    expect(text).toContain('term page: p99 1,900 ms (target p99 ≤ 100 ms)')

    const fast = sizeResult(1_000, [termPage(load({ requestsPerSecond: 2_000 }), load({ requestsPerSecond: 14_000 }))])
    expect(sizeReportText(fast)).toContain('Every target met.')
  })

  it('shows which row raised the server’s peak RSS, and its peak before any load', () => {
    const result = sizeResult(10_000, [{ ...termPage(load(), load()), serverPeakRssBytes: 512e6 }])
    result.server = { ...result.server, peakRssBytes: 631e6, peakRssBeforeLoadsBytes: 402e6 }
    const text = sizeReportText(result)
    expect(text).toMatch(/term page .* 512\.0 MB {2}pass/)
    expect(text).toMatch(/server peak RSS +631\.0 MB \(402\.0 MB once started, before the loads\)/)
  })

  it('shows the p50 growth between two sizes of one run in latest.md', () => {
    const small = sizeResult(1_000, [termPage(load({ p50Ms: 10 }), load())])
    const large = sizeResult(10_000, [termPage(load({ p50Ms: 30 }), load())])
    large.growth = {
      fromTerms: 1_000,
      rows: p50Growth(
        [{ key: 'term-page', label: 'term page', p50Ms: 10, bodyBytes: 40_000, ceilingP50Ms: 2 }],
        [{ key: 'term-page', label: 'term page', p50Ms: 30, bodyBytes: 80_000, ceilingP50Ms: 5 }],
      ),
    }
    const markdown = latestMarkdown([small, large])
    expect(markdown).toContain('## 1,000 terms')
    expect(markdown).toContain('## 10,000 terms')
    // The page doubled and the ceiling server, sending the same bytes, slowed 2.5×: the reader sees why.
    expect(markdown).toContain(
      '| term page | 10 ms | 30 ms | 3.00× | 40.0 kB → 80.0 kB | 2.50× | MISS p50 growth ≤ 1.50× |',
    )
    expect(markdown).toContain('- term page (1,000 → 10,000 terms): p50 growth 3.00× (target p50 growth ≤ 1.50×)')
  })
})
