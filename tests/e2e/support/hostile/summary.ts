// The one-line summary a hostile run prints, and the first failures with the requests that caused them.
import type { HostileCase } from './cases'
import type { RunResult } from './runner'

export function summaryLine(seed: number, generated: number, result: RunResult): string {
  const classes = Object.entries(result.statusClasses)
    .filter(([statusClass]) => statusClass !== '5xx')
    .sort()
    .map(([statusClass, count]) => `${statusClass}=${count}`)
    .join(' ')
  return [
    `hostile: seed=${seed} generated=${generated} run=${result.run}`,
    classes,
    `5xx=${result.serverErrors} hangs=${result.hangs} connection-errors=${result.connectionErrors}`,
    `changed-documents-after-refused-writes=${result.changedTargets.size}`,
    `failures=${result.failures.length} duration=${(result.durationMs / 1000).toFixed(1)}s`,
    result.stoppedBecause ? `stopped: ${result.stoppedBecause}` : '',
  ]
    .filter(Boolean)
    .join(' ')
}

function describeRequest(hostileCase: HostileCase): string {
  const { request, actor } = hostileCase
  const path =
    request.path.length > 300 ? `${request.path.slice(0, 300)}… (${request.path.length} chars)` : request.path
  const headers = Object.entries(request.headers ?? {})
    .map(([name, value]) => `${name}: ${value.length > 80 ? `${value.slice(0, 80)}… (${value.length} chars)` : value}`)
    .join('; ')
  const body =
    request.body === undefined
      ? ''
      : ` body=${request.body.length > 200 ? `${request.body.slice(0, 200)}… (${request.body.length} chars)` : request.body}`
  return `#${hostileCase.id} as ${actor}: ${request.method} ${path}${headers ? ` [${headers}]` : ''}${body}`
}

export function failureReport(
  result: RunResult,
  corpus: HostileCase[],
  shown = Number(process.env.CLOUDLEX_HOSTILE_SHOWN || 8),
): string[] {
  const lines = result.failures
    .slice(0, shown)
    .map((failure) => `  ${failure.problem} — ${describeRequest(failure.hostileCase)}`)
  if (result.inFlightAtFirstHang.length > 0) {
    lines.push(
      `  in flight when the first request hung (the cause is among them): ${result.inFlightAtFirstHang.map(describeRequest).join(' | ')}`,
    )
  }
  for (const [target, culprits] of result.changedTargets) {
    const writes = culprits.slice(0, 3).map((id) => describeRequest(corpus[id - 1]!))
    lines.push(
      `  changed after refused writes: ${target}; writes aimed at it since the last check: ${writes.join(' | ') || 'none recorded'}`,
    )
  }
  return lines
}
