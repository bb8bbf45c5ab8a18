// `npm run backup` and `npm run restore`: arguments, messages and exit codes (0 done, 1 refused or
// failed with nothing changed, 2 wrong arguments). The work is in ./create-backup.ts and ./restore-backup.ts.
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { CliIo } from '@/content-transfer/import-cli'
import { loadCliEnvironment } from '@/content-transfer/open-payload'
import { stopOnSignals, type SignalStop } from '@/content-transfer/stop-on-signals'

import { describeBytes } from './archive-files'
import { BackupProblem, dataLocations, type DataLocations } from './backup-locations'
import { StoppedBySignal } from './stopped'

export const BACKUP_USAGE = 'usage: npm run backup -- --out FILE.tar.gz [--force]'
export const RESTORE_USAGE = 'usage: npm run restore -- FILE.tar.gz [--to DATABASE_FILE] [--media DIR] [--force]'

export type BackupOptions = { out: string; force: boolean }
export type RestoreOptions = { archive: string; to: string | undefined; media: string | undefined; force: boolean }

export function parseBackupArgs(argv: string[]): BackupOptions {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  })
  if (!values.out) throw new Error('--out FILE is required')
  return { out: values.out, force: values.force }
}

export function parseRestoreArgs(argv: string[]): RestoreOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: 'string' }, media: { type: 'string' }, force: { type: 'boolean', default: false } },
  })
  if (positionals.length !== 1) throw new Error(`give exactly one backup archive to restore, not ${positionals.length}`)
  if (values.to === '') throw new Error('--to needs a file name')
  if (values.media === '') throw new Error('--media needs a folder name')
  return { archive: positionals[0]!, to: values.to, media: values.media, force: values.force }
}

/**
 * Runs a command body: problems the operator can fix print as they are, anything else as a failure; both
 * exit 1. A signal stops the body between two steps, with the shell's exit code for that signal.
 */
async function reportProblems(
  io: CliIo,
  what: 'backup' | 'restore',
  body: (stop: SignalStop) => Promise<void>,
): Promise<number> {
  const stop = stopOnSignals(io.stderr, `the ${what} stops after its current step, leaving no partial files`)
  try {
    await body(stop)
    return 0
  } catch (error) {
    if (error instanceof StoppedBySignal) {
      io.stderr(
        `${what} stopped by ${error.signalName}: nothing was written${what === 'restore' ? ' or replaced' : ''}.`,
      )
      return stop.exitCode() ?? 1
    }
    io.stderr(
      error instanceof BackupProblem
        ? `${what} refused: ${error.message}`
        : `${what} failed: ${(error as Error).message}`,
    )
    return 1
  } finally {
    stop.dispose()
  }
}

function reportLeftovers(io: CliIo, what: 'backup' | 'restore', removed: string[]): void {
  if (removed.length === 0) return
  io.stdout(
    `removed ${removed.length === 1 ? 'a folder' : `${removed.length} folders`} left by an interrupted ${what}: ${removed.join(', ')}`,
  )
}

function withArguments<Options>(
  parse: (argv: string[]) => Options,
  usage: string,
  argv: string[],
  io: CliIo,
): Options | null {
  try {
    return parse(argv)
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`)
    return null
  }
}

/** Where the data is, from the same settings the server reads (.env included). */
function locationsFromSettings(command: 'backup' | 'restore'): DataLocations {
  loadCliEnvironment()
  return dataLocations(command, process.env)
}

export async function runBackupCli(argv: string[], io: CliIo): Promise<number> {
  const options = withArguments(parseBackupArgs, BACKUP_USAGE, argv, io)
  if (!options) return 2
  return reportProblems(io, 'backup', async ({ signal }) => {
    const locations = locationsFromSettings('backup')
    const { createBackup } = await import('./create-backup')
    const { archive, archiveBytes, manifest, summary, removedLeftovers } = await createBackup(locations, options.out, {
      ...options,
      signal,
    })
    reportLeftovers(io, 'backup', removedLeftovers)
    io.stdout(
      `backed up ${manifest.database.source}: ${summary.terms} terms, ${summary.mediaDocuments} media documents ` +
        `(database copy ${describeBytes(manifest.database.bytes)}, sha256 ${manifest.database.sha256})`,
    )
    const media = manifest.media
    io.stdout(
      media.storage === 'local'
        ? `media files: ${media.files} (${describeBytes(media.bytes)}) from ${media.source}`
        : `media files: not included. ${media.note}`,
    )
    io.stdout(`wrote ${archive} (${describeBytes(archiveBytes)})`)
  })
}

export async function runRestoreCli(argv: string[], io: CliIo): Promise<number> {
  const options = withArguments(parseRestoreArgs, RESTORE_USAGE, argv, io)
  if (!options) return 2
  return reportProblems(io, 'restore', async ({ signal }) => {
    const locations = locationsFromSettings('restore')
    const { restoreBackup } = await import('./restore-backup')
    const target = {
      databaseFile: options.to ? path.resolve(options.to) : locations.databaseFile,
      mediaDirectory: options.media ? path.resolve(options.media) : locations.mediaDirectory,
      force: options.force,
    }
    const result = await restoreBackup(path.resolve(options.archive), target, signal)
    reportLeftovers(io, 'restore', result.removedLeftovers)
    const { manifest } = result
    io.stdout(
      `checked ${options.archive}: backup of ${manifest.database.source} made ${manifest.createdAt} by Cloudlex ${manifest.appVersion}; sha256 matches`,
    )
    io.stdout(
      `restored the database to ${target.databaseFile}: integrity_check ${result.integrity}; ` +
        `${result.summary.terms} terms, ${result.summary.mediaDocuments} media documents`,
    )
    io.stdout(
      result.media
        ? `restored ${result.media.files} media files (${describeBytes(result.media.bytes)}) to ${result.media.directory}`
        : `media files: not in this backup. ${manifest.media.storage === 's3' ? manifest.media.note : ''}`,
    )
    if (result.media && locations.mediaBucket) {
      io.stdout(
        `note: S3 storage is configured here, so the app reads media from bucket ${locations.mediaBucket.bucket}, not from ${result.media.directory}: copy the files there.`,
      )
    }
  })
}
