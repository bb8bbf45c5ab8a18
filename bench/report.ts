// How a run reads: aligned text tables on stdout and the same rows as Markdown for bench/results/latest.md.
// Pure formatting; numbers come in from bench-results.ts.
import { allTargets, type EndpointResult, type Machine, type SizeResult } from './bench-results'
import type { GrowthRow, TargetCheck, Unit } from './targets'

const grouped = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–'
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${grouped(Math.round(ms))} ms`
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '–'
  if (bytes < 1_000) return `${Math.round(bytes)} B`
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} kB`
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 2 : 1)} MB`
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`
}

/** Two significant digits below 1 (0.0031×), one decimal above. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '–'
  return ratio >= 1 ? `${ratio.toFixed(1)}×` : `${Number(ratio.toPrecision(2))}×`
}

export function formatRate(perSecond: number): string {
  return perSecond < 10 ? perSecond.toFixed(1) : grouped(Math.round(perSecond))
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return 'not measured'
  switch (unit) {
    case 'ms':
      return formatMs(value)
    case 'bytes':
      return formatBytes(value)
    case 'ratio':
      return formatRatio(value)
    case 'growth':
      return `${value.toFixed(2)}×`
    case 'terms/s':
      return `${value.toFixed(1)} terms/s`
    case 'count':
      return grouped(value)
  }
}

export function describeTarget(check: TargetCheck): string {
  return `${check.metric} ${check.bound === 'max' ? '≤' : '≥'} ${formatValue(check.limit, check.unit)}`
}

export function verdict(checks: readonly TargetCheck[]): string {
  const missed = checks.filter((check) => !check.pass)
  return missed.length === 0 ? 'pass' : `MISS ${missed.map(describeTarget).join('; ')}`
}

export function missedTargetLines(result: SizeResult): string[] {
  return allTargets(result)
    .filter(({ check }) => !check.pass)
    .map(
      ({ where, check }) =>
        `${where}: ${check.metric} ${formatValue(check.value, check.unit)} (target ${describeTarget(check)})`,
    )
}

export type Table = { header: string[]; rows: string[][] }

/** Columns padded to their widest cell; the first column left-aligned, the rest right-aligned. */
export function textTable({ header, rows }: Table): string {
  const all = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)))
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}

export function markdownTable({ header, rows }: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|')
  const line = (row: string[]) => `| ${row.map(escape).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export function endpointTable(endpoints: readonly EndpointResult[]): Table {
  return {
    header: [
      'endpoint',
      'req/s',
      'ceiling req/s',
      '× ceiling',
      'p50',
      'p95',
      'p99',
      'max',
      'non-2xx/errors',
      'size',
      'server peak RSS',
      'targets',
    ],
    rows: endpoints.map(({ label, app, ceiling, ratio, bodyBytes, serverPeakRssBytes, targets }) => [
      label,
      formatRate(app.requestsPerSecond),
      formatRate(ceiling.requestsPerSecond),
      formatRatio(ratio),
      formatMs(app.p50Ms),
      formatMs(app.p95Ms),
      formatMs(app.p99Ms),
      formatMs(app.maxMs),
      grouped(app.non2xx + app.errors),
      formatBytes(bodyBytes),
      formatBytes(serverPeakRssBytes ?? null),
      verdict(targets),
    ]),
  }
}

export function summaryTable(result: SizeResult): Table {
  const { import: imported, server, freshness } = result
  return {
    header: ['measure', 'value', 'targets'],
    rows: [
      [
        'import (CLI, --status published)',
        `${grouped(imported.terms)} terms in ${imported.seconds.toFixed(1)} s: ${imported.termsPerSecond.toFixed(1)} terms/s, peak RSS ${formatBytes(imported.peakRssBytes)}`,
        verdict(imported.targets),
      ],
      [
        'server peak RSS',
        server.peakRssBeforeLoadsBytes == null
          ? formatBytes(server.peakRssBytes)
          : `${formatBytes(server.peakRssBytes)} (${formatBytes(server.peakRssBeforeLoadsBytes)} once started, before the loads)`,
        verdict(server.targets),
      ],
      ...(server.directoryReadSeconds != null
        ? [
            [
              'term directory read at start',
              `${server.directoryReadSeconds.toFixed(1)} s (before the loads; pages that need it wait for it)`,
              '',
            ],
          ]
        : []),
      [
        'publish under load (CLI in another process)',
        `visible ${formatMs(freshness.visibleAfterMs)} after the CLI exited; first request after it ${formatMs(freshness.firstRequestMs)}; ` +
          `slowest of ${grouped(freshness.requestsAfterChange)} in the next 5 s ${formatMs(freshness.maxLatencyAfterChangeMs)}; ` +
          `${grouped(freshness.load.non2xx + freshness.load.errors)} non-2xx or failed`,
        verdict(freshness.targets),
      ],
    ],
  }
}

export function growthTable(fromTerms: number, toTerms: number, rows: readonly GrowthRow[]): Table {
  return {
    header: [
      'endpoint',
      `p50 at ${grouped(fromTerms)}`,
      `p50 at ${grouped(toTerms)}`,
      'growth',
      'size',
      'ceiling growth (same bytes)',
      'target',
    ],
    rows: rows.map((row) => [
      row.label,
      formatMs(row.fromP50Ms),
      formatMs(row.toP50Ms),
      formatValue(row.check.value, 'growth'),
      row.fromBytes === undefined || row.toBytes === undefined
        ? ''
        : `${formatBytes(row.fromBytes)} → ${formatBytes(row.toBytes)}`,
      row.ceilingGrowth === undefined ? '' : formatValue(row.ceilingGrowth, 'growth'),
      verdict([row.check]),
    ]),
  }
}

export function describeMachine(machine: Machine): string {
  return `${machine.cpus} × ${machine.cpuModel}, ${formatBytes(machine.memoryBytes)} memory, Node ${machine.node}, ${machine.platform}`
}

export function describeMachineLoad({ machine, machineLoad }: SizeResult): string {
  return `load average ${machineLoad.atStart.toFixed(1)} at the start, ${machineLoad.atEnd.toFixed(1)} at the end (${machine.cpus} CPUs)`
}

export function describeSettings({ settings }: SizeResult): string {
  return (
    `autocannon, ${settings.connections} connections (one on the rows that say so), ${settings.durationSeconds} s per endpoint after a ${settings.warmupSeconds} s ` +
    'warm-up, the same client against the app and against a plain node:http server returning the same bytes (the ceiling)'
  )
}

/** Everything about one size, as printed on stdout. */
export function sizeReportText(result: SizeResult): string {
  const missed = missedTargetLines(result)
  const parts = [
    `Cloudlex bench: ${grouped(result.terms)} terms, ${result.date} (measured in ${(result.elapsedSeconds / 60).toFixed(1)} min)`,
    `machine: ${describeMachine(result.machine)}; ${describeMachineLoad(result)}`,
    `load: ${describeSettings(result)}`,
    '',
    textTable(endpointTable(result.endpoints)),
    '',
    textTable(summaryTable(result)),
  ]
  if (result.growth) {
    parts.push(
      '',
      `p50 growth ${grouped(result.growth.fromTerms)} → ${grouped(result.terms)} terms`,
      textTable(growthTable(result.growth.fromTerms, result.terms, result.growth.rows)),
    )
  }
  parts.push(
    '',
    missed.length === 0
      ? 'Every target met.'
      : `Missed targets (${missed.length}):\n${missed.map((line) => `  - ${line}`).join('\n')}`,
  )
  return `${parts.join('\n')}\n`
}

/** bench/results/latest.md: the run's tables, for the README to include. */
export function latestMarkdown(results: readonly SizeResult[]): string {
  const first = results[0]
  if (!first) return '# Latest `npm run bench`\n\nNo glossary size was measured.\n'
  const parts = [
    '# Latest `npm run bench`',
    '',
    `Run ${first.date} on ${describeMachine(first.machine)}.`,
    `Load: ${describeSettings(first)}.`,
  ]
  for (const result of results) {
    const missed = missedTargetLines(result)
    parts.push(
      '',
      `## ${grouped(result.terms)} terms`,
      '',
      `${describeMachineLoad(result)}.`,
      '',
      markdownTable(endpointTable(result.endpoints)),
      '',
      markdownTable(summaryTable(result)),
    )
    if (result.growth) {
      parts.push(
        '',
        `p50 growth ${grouped(result.growth.fromTerms)} → ${grouped(result.terms)} terms:`,
        '',
        markdownTable(growthTable(result.growth.fromTerms, result.terms, result.growth.rows)),
      )
    }
    parts.push(
      '',
      missed.length === 0
        ? 'Every target met.'
        : `Missed targets (${missed.length}):\n\n${missed.map((line) => `- ${line}`).join('\n')}`,
    )
  }
  return `${parts.join('\n')}\n`
}
