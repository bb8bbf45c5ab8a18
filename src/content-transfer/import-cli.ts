// `npm run import`: reads seed-format files, reports bad ones as FILE:LINE: reason, upserts the rest.
import { parseArgs } from 'node:util'

import { formatProblem, readTermFiles } from '@/content-format/read-term-files'
import type { TermDocument } from '@/content-format/types'

import { countChanges, type ImportReport, type ImportStatus } from './import-terms'

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void }

export const IMPORT_USAGE =
  'usage: npm run import -- [--status draft|published] [--dry-run] [--json] <file-or-dir>...'

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

/** Parses every file; a file with any problem, or whose slug another file already uses, is left out whole. */
export async function readValidDocuments(paths: string[], io: CliIo): Promise<{ documents: TermDocument[]; invalidFiles: number }> {
  const documents: TermDocument[] = []
  const fileBySlug = new Map<string, string>()
  let invalidFiles = 0
  for (const { file, result } of await readTermFiles(paths)) {
    if (!result.ok) {
      invalidFiles += 1
      for (const problem of result.problems) io.stderr(formatProblem(file, problem))
      continue
    }
    const earlier = fileBySlug.get(result.document.slug)
    if (earlier) {
      invalidFiles += 1
      io.stderr(formatProblem(file, { line: 1, message: `slug "${result.document.slug}" is already used by ${earlier}` }))
      continue
    }
    fileBySlug.set(result.document.slug, file)
    documents.push(result.document)
  }
  return { documents, invalidFiles }
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

export async function runImportCli(argv: string[], io: CliIo): Promise<number> {
  let options: ImportCliOptions
  try {
    options = parseImportArgs(argv)
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${IMPORT_USAGE}`)
    return 2
  }

  let read: Awaited<ReturnType<typeof readValidDocuments>>
  try {
    read = await readValidDocuments(options.paths, io)
  } catch (error) {
    io.stderr((error as Error).message)
    return 2
  }
  const { documents, invalidFiles } = read
  const exitCode = invalidFiles > 0 ? 1 : 0

  if (options.dryRun) {
    if (options.json) io.stdout(JSON.stringify(documents.map(toContractJson), null, 2))
    io.stderr(`dry run: ${documents.length} valid, ${invalidFiles} invalid; nothing was written`)
    return exitCode
  }

  const { openPayloadForCli } = await import('./open-payload')
  const { importTermDocuments } = await import('./import-terms')
  const payload = await openPayloadForCli()
  const showProgress = documents.length >= 20
  const report = await importTermDocuments(payload, documents, {
    status: options.status,
    onProgress: (done, total) => {
      if (showProgress && (done % 10 === 0 || done === total)) io.stderr(`importing… ${done}/${total}`)
    },
  })
  if (options.json) io.stdout(JSON.stringify(report, null, 2))
  for (const line of describeReport(report, options.status)) io.stderr(line)
  return report.failed.length > 0 ? 1 : exitCode
}
