// Reading Lighthouse results against Cloudlex's quality bars: scores per category, which bars a page
// misses and the audits that cost it points, and the printed table. No Lighthouse import, so it is
// unit-testable with small hand-made results.

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number]

/** The lowest acceptable score (0–100) per category, the accessibility and performance bars the site keeps. */
export const LIGHTHOUSE_BARS: Record<LighthouseCategory, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
  seo: 100,
}

const COLUMN_TITLES: Record<LighthouseCategory, string> = {
  performance: 'performance',
  accessibility: 'accessibility',
  'best-practices': 'best practices',
  seo: 'SEO',
}

/** The parts of a Lighthouse result (LH.Result) read here. */
export type LighthouseResultLike = {
  runtimeError?: { code: string; message: string }
  categories: Partial<Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>>
  audits: Record<
    string,
    { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string } | undefined
  >
}

export type PageMeasurement = {
  path: string
  /** HTTP status of the page before measuring, or null when it could not be fetched. */
  status: number | null
  /** Rounded 0–100 like the Lighthouse report shows them; null when Lighthouse produced no score. */
  scores: Record<LighthouseCategory, number | null>
  error: string | null
  failingAudits: FailingAudit[]
}

export type FailingAudit = {
  category: LighthouseCategory
  id: string
  title: string
  score: number | null
  displayValue: string | null
  weight: number
}

export function categoryScores(result: LighthouseResultLike): Record<LighthouseCategory, number | null> {
  const scores = {} as Record<LighthouseCategory, number | null>
  for (const category of LIGHTHOUSE_CATEGORIES) {
    const score = result.categories[category]?.score
    scores[category] = typeof score === 'number' ? Math.round(score * 100) : null
  }
  return scores
}

export function missedBars(scores: Record<LighthouseCategory, number | null>): LighthouseCategory[] {
  return LIGHTHOUSE_CATEGORIES.filter((category) => {
    const score = scores[category]
    return score === null || score < LIGHTHOUSE_BARS[category]
  })
}

// Audits that are informative, manual or not applicable never lower a score.
const SCORED_MODES = new Set(['binary', 'numeric', 'metricSavings'])

/** The audits of the given categories that did not pass, those that weigh most on the score first. */
export function failingAudits(result: LighthouseResultLike, categories: readonly LighthouseCategory[]): FailingAudit[] {
  const failing: FailingAudit[] = []
  for (const category of categories) {
    for (const ref of result.categories[category]?.auditRefs ?? []) {
      const audit = result.audits[ref.id]
      if (!audit || !SCORED_MODES.has(audit.scoreDisplayMode)) continue
      if (audit.score !== null && audit.score >= 1) continue
      // Unweighted performance audits (diagnostics) are listed only when clearly poor.
      if (ref.weight === 0 && (audit.score === null || audit.score >= 0.9)) continue
      failing.push({
        category,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue ?? null,
        weight: ref.weight,
      })
    }
  }
  return failing.sort((a, b) => b.weight - a.weight || (a.score ?? 0) - (b.score ?? 0))
}

export function measurePage(path: string, status: number | null, result: LighthouseResultLike): PageMeasurement {
  const scores = categoryScores(result)
  const error = result.runtimeError ? `${result.runtimeError.code}: ${result.runtimeError.message}` : null
  return { path, status, scores, error, failingAudits: failingAudits(result, missedBars(scores)) }
}

/**
 * The run of a page to report when it was measured several times: the one with the median performance
 * score (the lower middle one for an even count), as Lighthouse's own advice on variability suggests.
 */
export function medianRun<T extends LighthouseResultLike>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('no Lighthouse runs to choose from')
  const performance = (run: T) => run.categories.performance?.score ?? -1
  const sorted = [...runs].sort((a, b) => performance(a) - performance(b))
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

export function pagePasses(page: PageMeasurement): boolean {
  return page.error === null && missedBars(page.scores).length === 0
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length))
}

/** A plain-text table: one row per page, a column per category, the bars in the header. */
export function formatScoreTable(pages: readonly PageMeasurement[]): string {
  const header = [
    'page',
    'status',
    ...LIGHTHOUSE_CATEGORIES.map((c) => `${COLUMN_TITLES[c]} (≥${LIGHTHOUSE_BARS[c]})`),
    'result',
  ]
  const rows = pages.map((page) => [
    page.path,
    page.status === null ? '—' : String(page.status),
    ...LIGHTHOUSE_CATEGORIES.map((category) => {
      const score = page.scores[category]
      if (score === null) return '—'
      return score < LIGHTHOUSE_BARS[category] ? `${score} ✗` : String(score)
    }),
    pagePasses(page) ? 'pass' : 'FAIL',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column]!))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

/** What to fix on each page that missed a bar. */
export function formatFailures(pages: readonly PageMeasurement[]): string {
  const sections: string[] = []
  for (const page of pages) {
    if (pagePasses(page)) continue
    const lines = [`${page.path}:`]
    if (page.error) lines.push(`  Lighthouse could not measure the page: ${page.error}`)
    const missed = missedBars(page.scores)
    if (!page.error && missed.length > 0) {
      lines.push(
        `  below the bar: ${missed.map((category) => `${COLUMN_TITLES[category]} ${page.scores[category] ?? '—'}`).join(', ')}`,
      )
    }
    for (const audit of page.failingAudits) {
      const score = audit.score === null ? 'error' : String(Math.round(audit.score * 100))
      const value = audit.displayValue ? ` (${audit.displayValue})` : ''
      lines.push(`  - [${COLUMN_TITLES[audit.category]}] ${audit.id}: ${audit.title}${value}, score ${score}`)
    }
    sections.push(lines.join('\n'))
  }
  return sections.join('\n\n')
}
