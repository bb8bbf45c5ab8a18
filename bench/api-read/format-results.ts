// The bench's printed table and query plans. Pure.
import type { LatencyRun } from './measure-latency'
import type { ReadQueryKey } from './options'
import { needsIndex, type StatementPlan } from './query-plans'

export type QueryResult = {
  key: ReadQueryKey
  label: string
  /** SQL statements one request sends to SQLite. */
  statementsPerRequest: number
  /** The size of one answer's body. */
  bytesPerResponse: number
  sequential: LatencyRun
  concurrent: LatencyRun
  plans?: StatementPlan[]
}

const ms = (value: number | null) =>
  value === null ? '-' : value < 10 ? value.toFixed(1) : Math.round(value).toString()

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!)))
    .join('  ')
}

export function formatRuns(results: QueryResult[]): string {
  const header = [
    'query',
    'callers',
    'requests',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'CPU ms/req',
    'failed',
    'SQL/req',
    'KB/resp',
  ]
  const rows = results.flatMap((result) =>
    [result.sequential, result.concurrent].map((run) => [
      result.label,
      String(run.callers),
      String(run.responses),
      run.requestsPerSecond.toFixed(1),
      ms(run.p50Ms),
      ms(run.p95Ms),
      ms(run.p99Ms),
      ms(run.maxMs),
      ms(run.cpuMsPerRequest),
      String(run.failures),
      String(result.statementsPerRequest),
      (result.bytesPerResponse / 1024).toFixed(1),
    ]),
  )
  const widths = header.map((_, index) => Math.max(...[header, ...rows].map((cells) => cells[index]!.length)))
  const failures = results.flatMap((result) =>
    [result.sequential, result.concurrent].flatMap((run) =>
      run.firstFailure ? [`${result.label}: ${run.firstFailure}`] : [],
    ),
  )
  return [
    row(header, widths),
    ...rows.map((cells) => row(cells, widths)),
    ...failures.map((line) => `FAILED ${line}`),
  ].join('\n')
}

export function formatPlans(results: QueryResult[]): string {
  const lines: string[] = []
  for (const result of results) {
    lines.push('', `== ${result.label}: ${result.statementsPerRequest} statements per request`)
    for (const plan of result.plans ?? []) {
      const flagged = plan.plan.some(needsIndex) ? '  <-- scans or sorts without an index' : ''
      lines.push(`-- ${plan.times}× ${plan.sql}${flagged}`, ...plan.plan)
    }
  }
  return lines.join('\n')
}
