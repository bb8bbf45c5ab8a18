// `npm run import`: reads seed-format files batch by batch, reports bad ones as FILE:LINE: reason, upserts
// the rest, and stops cleanly after the terms being written (one batch at most) on Ctrl-C or SIGTERM.
import { parseArgs } from 'node:util'

import { listTermFiles } from '@/content-format/read-term-files'
import type { TermDocument } from '@/content-format/types'

import { ENTRY_BATCH_SIZE, EntryReader } from './entry-reader'
import { countChanges, type ImportReport, type ImportStatus } from './import-report'
import { stopOnSignals } from './stop-on-signals'

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void }

export const IMPORT_USAGE = 'usage: npm run import -- [--status draft|published] [--dry-run] [--json] <file-or-dir>...'

type ImportCliOptions = { status: ImportStatus; dryRun: boolean; json: boolean; paths: string[] }

export function parseImportArgs(argv: string[]): ImportCliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      status: { type: 'string', default: 'draft' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  })
  if (values.status !== 'draft' && values.status !== 'published') {
    throw new Error(`--status must be draft or published, not "${values.status}"`)
  }
  if (positionals.length === 0) throw new Error('give at least one file or directory to import')
  return { status: values.status, dryRun: values['dry-run'], json: values.json, paths: positionals }
}

/** The contract of `--dry-run --json`: exactly these keys, in this order. */
export function toContractJson(document: TermDocument): TermDocument {
  return {
    title: document.title,
    slug: document.slug,
    definition: document.definition,
    analogy: document.analogy,
    useCases: document.useCases.map(({ organization, scenario, solution, outcome }) => ({
      organization,
      scenario,
      solution,
      outcome,
    })),
    providerEquivalents: document.providerEquivalents.map(({ provider, service }) => ({ provider, service })),
    faqs: document.faqs.map(({ question, answer }) => ({ question, answer })),
    category: document.category,
    difficulty: document.difficulty,
    relatedTerms: [...document.relatedTerms],
    seeAlso: [...document.seeAlso],
  }
}

/** Prints `--dry-run --json` as one JSON array, entry by entry, without holding them all. */
async function printDryRun(reader: EntryReader, io: CliIo, json: boolean): Promise<number> {
  let valid = 0
  let previous: string | null = null
  for await (const batch of reader.batches(ENTRY_BATCH_SIZE)) {
    for (const document of batch) {
      valid += 1
      if (!json) continue
      io.stdout(previous === null ? '[' : `${previous},`)
      previous = JSON.stringify(toContractJson(document), null, 2).replace(/^/gm, '  ')
    }
  }
  if (json) io.stdout(previous === null ? '[]' : `${previous}\n]`)
  io.stderr(`dry run: ${valid} valid, ${reader.invalidFiles} invalid; nothing was written`)
  return reader.invalidFiles > 0 ? 1 : 0
}

function describeReport(report: ImportReport, status: ImportStatus): string[] {
  const lines = [
    `imported as ${status}: ${report.created.length} created, ${report.updated.length} updated, ` +
      `${report.unchanged.length} unchanged, ${report.linked.length} other terms linked — ${countChanges(report)} changes`,
  ]
  for (const { slug, names } of report.unresolved) {
    lines.push(`unresolved in ${slug}: ${names.join(', ')} (kept; linked when those terms arrive)`)
  }
  for (const { slug, message } of report.failed) lines.push(`failed ${slug}: ${message} (nothing of it was written)`)
  return lines
}

function describeStop(report: ImportReport, reader: EntryReader): string[] {
  const unread = reader.files.slice(reader.filesRead)
  const firstNotImported = report.notImported[0] ? reader.fileOf(report.notImported[0]) : unread[0]
  const notImported = report.notImported.length + unread.length
  const from = firstNotImported ? ` (from ${firstNotImported} on)` : ''
  return [
    `stopped by ${report.stoppedBy} before the end: ${notImported} file${notImported === 1 ? '' : 's'} not imported${from}; ` +
      'every term that was imported is complete. Run the same command again to import the rest.',
  ]
}

/** Progress every 10 entries for small imports, about ten lines for large ones. */
const progressStep = (total: number) => Math.max(10, 10 ** Math.floor(Math.log10(Math.max(total, 1) / 10)))

async function importEntries(reader: EntryReader, options: ImportCliOptions, io: CliIo): Promise<number> {
  const { openPayloadForCli } = await import('./open-payload')
  const { importTermBatches } = await import('./import-terms')
  const { refreshPlannerStatistics } = await import('@/db/planner-statistics')
  const payload = await openPayloadForCli()
  const stop = stopOnSignals(io.stderr)
  const total = reader.files.length
  const step = progressStep(total)
  const report = await importTermBatches(payload, reader.batches(ENTRY_BATCH_SIZE), {
    status: options.status,
    signal: stop.signal,
    onProgress: (done) => {
      if (total >= 20 && (done % step === 0 || done === total)) io.stderr(`importing… ${done}/${total}`)
    },
  }).finally(stop.dispose)
  await refreshPlannerStatistics(payload)
  if (options.json) io.stdout(JSON.stringify(report, null, 2))
  for (const line of describeReport(report, options.status)) io.stderr(line)
  if (report.stoppedBy) {
    for (const line of describeStop(report, reader)) io.stderr(line)
    return stop.exitCode() ?? 1
  }
  return report.failed.length > 0 || reader.invalidFiles > 0 ? 1 : 0
}

export async function runImportCli(argv: string[], io: CliIo): Promise<number> {
  let options: ImportCliOptions
  try {
    options = parseImportArgs(argv)
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${IMPORT_USAGE}`)
    return 2
  }
  let files: string[]
  try {
    files = await listTermFiles(options.paths)
  } catch (error) {
    io.stderr((error as Error).message)
    return 2
  }
  const reader = new EntryReader(files, io.stderr)
  return options.dryRun ? printDryRun(reader, io, options.json) : importEntries(reader, options, io)
}
