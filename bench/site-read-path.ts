// What a public page request costs the server, on a fresh database with the seeded glossary: the
// content-revision check every request makes, rebuilding the snapshot after a change, building the
// search index, a search, and the compare matrix with its CSV. Prints the timings and the heap the
// snapshot holds, saves them under bench/results/, and exits 1 when a timing misses its target.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-bench-'))
Object.assign(process.env, {
  DATABASE_URI: `file:${path.join(workDir, 'bench.db')}`,
  PAYLOAD_SECRET: 'bench-secret-not-for-real-use-000000000000',
  CLOUDLEX_SEED: 'off',
  CLOUDLEX_JOBS: 'off',
  CLOUDLEX_CLI: '1',
  CLOUDLEX_MEDIA_DIR: path.join(workDir, 'media'),
})

type Target = { name: string; iterations: number; p95TargetMs: number; run: () => Promise<unknown> | unknown }
type Result = { name: string; iterations: number; p50Ms: number; p95Ms: number; p95TargetMs: number; pass: boolean }

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!
}

async function measure({ name, iterations, p95TargetMs, run }: Target): Promise<Result> {
  await run() // warm-up, not counted
  const samples: number[] = []
  for (let index = 0; index < iterations; index += 1) {
    const start = performance.now()
    await run()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  const p95Ms = percentile(samples, 0.95)
  return { name, iterations, p50Ms: percentile(samples, 0.5), p95Ms, p95TargetMs, pass: p95Ms <= p95TargetMs }
}

async function main(): Promise<number> {
  const [{ getPayload }, { default: config }, seed, cache, site, search, compare, filters, tags] = await Promise.all([
    import('payload'),
    import('@payload-config'),
    import('@/seed/seed-on-first-start'),
    import('@/lib/site-cache'),
    import('@/lib/site-content'),
    import('@/lib/search/term-search-index'),
    import('@/lib/compare-matrix'),
    import('@/lib/term-filters'),
    import('@/lib/cache-tags'),
  ])
  const payload = await getPayload({ config })
  try {
    await seed.seedContent(payload, path.resolve(import.meta.dirname, '../seed'))

    global.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    const content = await site.buildSiteContent(payload)
    global.gc?.()
    const snapshotHeapMiB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
    const index = search.buildTermSearchIndex(content.terms)
    const queries = ['key vault', 'kubernets', 'object storage', 'load balancer', 'audit log', 'serverless']
    let queryIndex = 0
    const noFilters = filters.readTermFilters({}, content)

    const results: Result[] = []
    for (const target of [
      {
        name: 'content revision check (every request)',
        iterations: 300,
        p95TargetMs: 5,
        run: () => cache.readContentRevision(payload, tags.SITE_CONTENT_TAGS),
      },
      { name: 'snapshot rebuild after a change', iterations: 15, p95TargetMs: 1500, run: () => site.buildSiteContent(payload) },
      { name: 'search index build', iterations: 15, p95TargetMs: 200, run: () => search.buildTermSearchIndex(content.terms) },
      {
        name: 'search query',
        iterations: 300,
        p95TargetMs: 10,
        run: () => search.searchTerms(index, queries[queryIndex++ % queries.length]!),
      },
      {
        name: 'compare matrix and CSV',
        iterations: 100,
        p95TargetMs: 20,
        run: () => compare.compareMatrixToCsv(compare.buildCompareMatrix(content, noFilters), (slug) => `/terms/${slug}`),
      },
    ] satisfies Target[]) {
      results.push(await measure(target))
    }

    const rows = results.map((result) =>
      [
        result.name.padEnd(40),
        `${result.p50Ms.toFixed(2)} ms`.padStart(12),
        `${result.p95Ms.toFixed(2)} ms`.padStart(12),
        `≤ ${result.p95TargetMs} ms`.padStart(12),
        result.pass ? 'pass' : 'FAIL',
      ].join('  '),
    )
    console.warn(`Site read path on ${content.terms.length} published terms\n`)
    console.warn(`${'measure'.padEnd(40)}  ${'p50'.padStart(12)}  ${'p95'.padStart(12)}  ${'target p95'.padStart(12)}  result`)
    for (const row of rows) console.warn(row)
    console.warn(`\nsnapshot heap: ${snapshotHeapMiB.toFixed(1)} MiB${global.gc ? '' : ' (approximate: run node with --expose-gc for an exact figure)'}`)

    const resultsDir = path.resolve(import.meta.dirname, 'results')
    fs.mkdirSync(resultsDir, { recursive: true })
    const file = path.join(resultsDir, `site-read-path-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    fs.writeFileSync(file, `${JSON.stringify({ terms: content.terms.length, snapshotHeapMiB, results }, null, 2)}\n`)
    console.warn(`saved ${path.relative(process.cwd(), file)}`)
    return results.every((result) => result.pass) ? 0 : 1
  } finally {
    await payload.destroy()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

process.exitCode = await main()
