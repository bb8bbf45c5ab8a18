// What one measured glossary size yields, the machine it ran on, and where the results are kept:
// bench/results/<YYYY-MM-DD>-<terms>.json per size and bench/results/latest.md for the README.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { BenchRequest } from './bench-request'
import type { EndpointKey } from './endpoints'
import type { FreshnessResult } from './freshness-probe'
import type { ImportMeasurement } from './import-throughput'
import type { GrowthRow, TargetCheck } from './targets'

export type Machine = { cpus: number; cpuModel: string; memoryBytes: number; node: string; platform: string }

export type LoadNumbers = {
  requestsPerSecond: number
  p50Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
  maxMs: number | null
  responses: number
  non2xx: number
  errors: number
}

export type EndpointResult = {
  key: EndpointKey
  label: string
  /** What each connection sent in turn. */
  requests: BenchRequest[]
  /** Mean response body size over the endpoint's requests. */
  bodyBytes: number
  app: LoadNumbers
  ceiling: LoadNumbers
  /** App throughput as a fraction of the ceiling's. */
  ratio: number
  /** The app server's peak resident set (VmHWM) once this row's loads were done: which row raised it. */
  serverPeakRssBytes?: number | null
  targets: TargetCheck[]
}

export type SizeResult = {
  date: string
  terms: number
  /** How long this size took, from generating entries to stopping the server (the build not included). */
  elapsedSeconds: number
  machine: Machine
  /** The 1-minute load average of the machine: other work on it while measuring skews every number. */
  machineLoad: { atStart: number; atEnd: number }
  settings: { durationSeconds: number; connections: number; warmupSeconds: number }
  import: ImportMeasurement & { targets: TargetCheck[] }
  /**
   * `directoryReadSeconds`: how long the server took at start to read the glossary into its term directory;
   * `peakRssBeforeLoadsBytes`: its peak once started and settled, before any load.
   */
  server: {
    peakRssBytes: number | null
    peakRssBeforeLoadsBytes?: number | null
    directoryReadSeconds?: number | null
    targets: TargetCheck[]
  }
  endpoints: EndpointResult[]
  freshness: FreshnessResult & { targets: TargetCheck[] }
  /** p50 growth from the next smaller size measured in the same run. */
  growth: { fromTerms: number; rows: GrowthRow[] } | null
}

export const RESULTS_DIR = path.resolve(import.meta.dirname, 'results')

export function machineInfo(): Machine {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  }
}

/** The day a run is filed under (UTC), e.g. 2026-11-30. */
export const runDate = (now = new Date()) => now.toISOString().slice(0, 10)

export function resultFileName(date: string, terms: number): string {
  return `${date}-${terms}.json`
}

export async function writeSizeResult(result: SizeResult): Promise<string> {
  await fs.mkdir(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, resultFileName(result.date, result.terms))
  await fs.writeFile(file, `${JSON.stringify(result, null, 2)}\n`)
  return file
}

export async function writeLatestMarkdown(markdown: string): Promise<string> {
  await fs.mkdir(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, 'latest.md')
  await fs.writeFile(file, markdown)
  return file
}

export function allTargets(result: SizeResult): { where: string; check: TargetCheck }[] {
  return [
    ...result.endpoints.flatMap((endpoint) => endpoint.targets.map((check) => ({ where: endpoint.label, check }))),
    ...result.server.targets.map((check) => ({ where: 'server', check })),
    ...result.import.targets.map((check) => ({ where: 'import', check })),
    ...result.freshness.targets.map((check) => ({ where: 'freshness', check })),
    ...(result.growth?.rows ?? []).map((row) => ({
      where: `${row.label} (${result.growth!.fromTerms.toLocaleString('en-US')} → ${result.terms.toLocaleString('en-US')} terms)`,
      check: row.check,
    })),
  ]
}
