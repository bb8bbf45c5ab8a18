// `npm run export`: writes one seed-format file per term into a folder.
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { ExportStatus } from './export-terms'
import type { CliIo } from './import-cli'

export const EXPORT_USAGE = 'usage: npm run export -- --out DIR [--status published|all]'

export function parseExportArgs(argv: string[]): { out: string; status: ExportStatus } {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, status: { type: 'string', default: 'published' } },
  })
  if (!values.out) throw new Error('--out DIR is required')
  if (values.status !== 'published' && values.status !== 'all') {
    throw new Error(`--status must be published or all, not "${values.status}"`)
  }
  return { out: values.out, status: values.status }
}

export async function runExportCli(argv: string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parseExportArgs>
  try {
    options = parseExportArgs(argv)
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${EXPORT_USAGE}`)
    return 2
  }
  const { openPayloadForCli } = await import('./open-payload')
  const { exportTerms } = await import('./export-terms')
  const payload = await openPayloadForCli()
  const exported = await exportTerms(payload, options.status)

  await fs.mkdir(options.out, { recursive: true })
  let written = 0
  for (const term of exported) {
    if ('error' in term) {
      io.stderr(`${term.slug}: not exported: ${term.error}`)
      continue
    }
    await fs.writeFile(path.join(options.out, `${term.slug}.txt`), term.text, 'utf8')
    written += 1
  }
  io.stderr(`exported ${written} ${options.status === 'all' ? '' : 'published '}terms to ${options.out}`)
  return written === exported.length ? 0 : 1
}
