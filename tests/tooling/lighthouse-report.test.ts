import { describe, expect, it } from 'vitest'

import {
  formatFailures,
  formatScoreTable,
  measurePage,
  medianRun,
  pagePasses,
  type LighthouseResultLike,
} from '../../scripts/lighthouse-report'

function result(scores: {
  performance: number
  accessibility: number
  'best-practices': number
  seo: number
}): LighthouseResultLike {
  return {
    categories: {
      performance: {
        score: scores.performance,
        auditRefs: [
          { id: 'largest-contentful-paint', weight: 25 },
          { id: 'total-blocking-time', weight: 30 },
          { id: 'render-blocking-resources', weight: 0 },
          { id: 'unused-javascript', weight: 0 },
        ],
      },
      accessibility: {
        score: scores.accessibility,
        auditRefs: [
          { id: 'color-contrast', weight: 7 },
          { id: 'image-alt', weight: 10 },
          { id: 'video-caption', weight: 10 },
        ],
      },
      'best-practices': { score: scores['best-practices'], auditRefs: [{ id: 'errors-in-console', weight: 1 }] },
      seo: {
        score: scores.seo,
        auditRefs: [
          { id: 'meta-description', weight: 1 },
          { id: 'structured-data', weight: 0 },
        ],
      },
    },
    audits: {
      'largest-contentful-paint': {
        title: 'Largest Contentful Paint',
        score: 0.71,
        scoreDisplayMode: 'numeric',
        displayValue: '3.1 s',
      },
      'total-blocking-time': {
        title: 'Total Blocking Time',
        score: 1,
        scoreDisplayMode: 'numeric',
        displayValue: '0 ms',
      },
      'render-blocking-resources': {
        title: 'Eliminate render-blocking resources',
        score: 0.5,
        scoreDisplayMode: 'metricSavings',
      },
      'unused-javascript': { title: 'Reduce unused JavaScript', score: 0.95, scoreDisplayMode: 'metricSavings' },
      'color-contrast': {
        title: 'Background and foreground colors have a sufficient contrast ratio',
        score: 0,
        scoreDisplayMode: 'binary',
      },
      'image-alt': { title: 'Image elements have [alt] attributes', score: 1, scoreDisplayMode: 'binary' },
      'video-caption': { title: 'Video elements contain captions', score: null, scoreDisplayMode: 'notApplicable' },
      'errors-in-console': { title: 'No browser errors logged to the console', score: 0, scoreDisplayMode: 'binary' },
      'meta-description': { title: 'Document has a meta description', score: 1, scoreDisplayMode: 'binary' },
      'structured-data': { title: 'Structured data is valid', score: null, scoreDisplayMode: 'manual' },
    },
  }
}

describe('Lighthouse results against the bars', () => {
  it('passes a page at or above every bar', () => {
    const page = measurePage('/', 200, result({ performance: 0.95, accessibility: 1, 'best-practices': 0.954, seo: 1 }))
    expect(page.scores).toEqual({ performance: 95, accessibility: 100, 'best-practices': 95, seo: 100 })
    expect(pagePasses(page)).toBe(true)
    expect(page.failingAudits).toEqual([])
  })

  it('fails a page under a bar and names the audits that cost points in that category only', () => {
    const page = measurePage(
      '/terms',
      200,
      result({ performance: 0.93, accessibility: 0.96, 'best-practices': 0.96, seo: 1 }),
    )
    expect(pagePasses(page)).toBe(false)
    expect(page.failingAudits.map((audit) => `${audit.category} ${audit.id}`)).toEqual([
      'performance largest-contentful-paint',
      'accessibility color-contrast',
      'performance render-blocking-resources',
    ])
    const report = formatFailures([page])
    expect(report).toContain('/terms:')
    expect(report).toContain('below the bar: performance 93, accessibility 96')
    expect(report).toContain('- [performance] largest-contentful-paint: Largest Contentful Paint (3.1 s), score 71')
    expect(report).not.toContain('errors-in-console')
  })

  it('fails a page Lighthouse could not load, such as a 404', () => {
    const broken = {
      ...result({ performance: 0, accessibility: 0, 'best-practices': 0, seo: 0 }),
      runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'Status code: 404' },
    }
    for (const category of Object.values(broken.categories)) category!.score = null
    const page = measurePage('/compare', 404, broken)
    expect(page.scores.performance).toBeNull()
    expect(pagePasses(page)).toBe(false)
    expect(formatFailures([page])).toContain(
      'Lighthouse could not measure the page: ERRORED_DOCUMENT_REQUEST: Status code: 404',
    )
  })

  it('prints one row per page with the scores, marking those under the bar', () => {
    const table = formatScoreTable([
      measurePage('/', 200, result({ performance: 0.99, accessibility: 1, 'best-practices': 1, seo: 1 })),
      measurePage('/terms', 200, result({ performance: 0.9, accessibility: 1, 'best-practices': 1, seo: 0.92 })),
    ])
    const lines = table.split('\n')
    expect(lines[0]).toMatch(
      /^page\s+status\s+performance \(≥95\)\s+accessibility \(≥100\)\s+best practices \(≥95\)\s+SEO \(≥100\)\s+result$/,
    )
    expect(lines[2]).toMatch(/^\/\s+200\s+99\s+100\s+100\s+100\s+pass$/)
    expect(lines[3]).toMatch(/^\/terms\s+200\s+90 ✗\s+100\s+100\s+92 ✗\s+FAIL$/)
  })
})

describe('choosing among several runs of a page', () => {
  const run = (performance: number) => result({ performance, accessibility: 1, 'best-practices': 1, seo: 1 })

  it('reports the run with the median performance score', () => {
    const runs = [run(0.66), run(0.97), run(0.91)]
    expect(medianRun(runs)).toBe(runs[2])
  })

  it('takes the lower middle run of an even count and the only run of one', () => {
    const runs = [run(0.99), run(0.8), run(0.9), run(0.95)]
    expect(medianRun(runs)).toBe(runs[2])
    const single = [run(0.5)]
    expect(medianRun(single)).toBe(single[0])
  })
})
