// `npm run restore`: checks a backup archive completely (manifest, checksum, media count) before writing
// anything, unpacks it under temporary names next to the targets, checks the database with
// PRAGMA integrity_check, and only then renames it into place. A failed restore leaves the old state.
import crypto from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

import { extract, list, type ReadEntry } from 'tar'

import { sha256OfFile, syncFile } from './archive-files'
import { BackupProblem } from './backup-locations'
import {
  DATABASE_ENTRY,
  MANIFEST_ENTRY,
  MEDIA_ENTRY_FOLDER,
  parseManifest,
  type BackupManifest,
} from './backup-manifest'
import {
  ensureNotInUse,
  integrityCheck,
  sharedMemoryFileOf,
  summarizeDatabase,
  walFileOf,
  type DatabaseSummary,
} from './sqlite-file'
import { stopIfAsked } from './stopped'
import { makeWorkFolder, removeAbandonedWorkFolders } from './work-folders'

export type RestoreTarget = { databaseFile: string; mediaDirectory: string; force: boolean }
export type RestoreResult = {
  manifest: BackupManifest
  integrity: string
  summary: DatabaseSummary
  /** null when the backup holds no media files (they are in a bucket). */
  media: { directory: string; files: number; bytes: number } | null
  /** Work folders of earlier restores to the same place that were killed before they could remove them. */
  removedLeftovers: string[]
}

const MAX_MANIFEST_BYTES = 1024 * 1024
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile'])

type ArchiveContents = {
  manifestText: string | null
  database: { sha256: string; bytes: number } | null
  mediaFiles: number
  mediaBytes: number
}

const isMediaEntry = (entryPath: string) =>
  entryPath.startsWith(`${MEDIA_ENTRY_FOLDER}/`) && !entryPath.split('/').some((part) => part === '..' || part === '')

function readEntry(entry: ReadEntry, contents: ArchiveContents): void {
  if (
    entry.type === 'Directory' &&
    (entry.path === `${MEDIA_ENTRY_FOLDER}/` || isMediaEntry(entry.path.replace(/\/$/, '')))
  )
    return
  if (!FILE_TYPES.has(entry.type))
    throw new BackupProblem(
      `the archive holds a ${entry.type} entry (${entry.path}); a Cloudlex backup holds plain files only.`,
    )
  if (entry.path === MANIFEST_ENTRY) {
    if (entry.size > MAX_MANIFEST_BYTES)
      throw new BackupProblem(`${MANIFEST_ENTRY} is ${entry.size} bytes: not a Cloudlex backup manifest.`)
    const chunks: Buffer[] = []
    entry.on('data', (chunk: Buffer) => chunks.push(chunk))
    entry.on('end', () => (contents.manifestText = Buffer.concat(chunks).toString('utf8')))
  } else if (entry.path === DATABASE_ENTRY) {
    const hash = crypto.createHash('sha256')
    let bytes = 0
    entry.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      bytes += chunk.length
    })
    entry.on('end', () => (contents.database = { sha256: hash.digest('hex'), bytes }))
  } else if (isMediaEntry(entry.path)) {
    contents.mediaFiles += 1
    contents.mediaBytes += entry.size
  } else {
    throw new BackupProblem(`the archive holds ${entry.path}, which a Cloudlex backup never does.`)
  }
}

/** Reads the whole archive once, writing nothing: what it holds, with the database's checksum. */
async function readArchive(archive: string): Promise<ArchiveContents> {
  const contents: ArchiveContents = { manifestText: null, database: null, mediaFiles: 0, mediaBytes: 0 }
  const refused: { problem?: Error } = {}
  try {
    await list({
      file: archive,
      strict: true,
      onReadEntry: (entry) => {
        try {
          if (!refused.problem) readEntry(entry, contents)
        } catch (error) {
          refused.problem = error as Error
        }
      },
    })
  } catch (error) {
    throw new BackupProblem(`${archive} is not a readable backup archive (a gzipped tar): ${(error as Error).message}`)
  }
  if (refused.problem) throw refused.problem
  return contents
}

/** The archive's manifest, once everything it promises has been found in the archive. */
export async function checkArchive(archive: string): Promise<BackupManifest> {
  if (!fs.existsSync(archive)) throw new BackupProblem(`there is no backup archive at ${archive}.`)
  const contents = await readArchive(archive)
  if (contents.manifestText === null)
    throw new BackupProblem(`${archive} has no ${MANIFEST_ENTRY}: it is not a Cloudlex backup.`)
  const manifest = parseManifest(contents.manifestText)
  if (!contents.database) throw new BackupProblem(`${archive} has no ${DATABASE_ENTRY}: the archive is incomplete.`)
  if (contents.database.sha256 !== manifest.database.sha256 || contents.database.bytes !== manifest.database.bytes) {
    throw new BackupProblem(
      `checksum mismatch: ${DATABASE_ENTRY} in the archive has sha256 ${contents.database.sha256} (${contents.database.bytes} bytes), ` +
        `the manifest says ${manifest.database.sha256} (${manifest.database.bytes} bytes): the archive is damaged.`,
    )
  }
  if (contents.mediaFiles !== manifest.media.files || contents.mediaBytes !== manifest.media.bytes) {
    throw new BackupProblem(
      `the archive holds ${contents.mediaFiles} media files (${contents.mediaBytes} bytes), the manifest says ${manifest.media.files} (${manifest.media.bytes} bytes): the archive is damaged.`,
    )
  }
  return manifest
}

const hasEntries = (directory: string) => fs.existsSync(directory) && fs.readdirSync(directory).length > 0

function refuseOverwrite(target: RestoreTarget, restoresMedia: boolean): void {
  if (target.force) return
  const existing = [target.databaseFile, walFileOf(target.databaseFile)].filter((file) => fs.existsSync(file))
  if (restoresMedia && hasEntries(target.mediaDirectory)) existing.push(`${target.mediaDirectory} (not empty)`)
  if (existing.length === 0) return
  const named = existing.length === 1 ? existing[0] : `${existing.slice(0, -1).join(', ')} and ${existing.at(-1)}`
  throw new BackupProblem(
    `${named} already ${existing.length === 1 ? 'exists' : 'exist'}. To replace the live data, stop the server ` +
      '(and any import or other tool using the database) first, then run the restore again with --force; ' +
      'or restore into a fresh location with --to FILE and --media DIR.',
  )
}

async function unpackDatabase(archive: string, manifest: BackupManifest, work: string) {
  await extract({ file: archive, cwd: work, strict: true, filter: (entryPath) => entryPath === DATABASE_ENTRY })
  const unpacked = path.join(work, DATABASE_ENTRY)
  if ((await sha256OfFile(unpacked)) !== manifest.database.sha256) {
    throw new BackupProblem(
      `checksum mismatch: ${DATABASE_ENTRY} changed while it was unpacked; is the archive being rewritten?`,
    )
  }
  await syncFile(unpacked)
  const integrity = await integrityCheck(unpacked)
  if (integrity !== 'ok')
    throw new BackupProblem(`the database in the archive fails PRAGMA integrity_check: ${integrity}`)
  return { unpacked, integrity, summary: await summarizeDatabase(unpacked) }
}

async function unpackMedia(archive: string, work: string): Promise<string> {
  const unpacked = path.join(work, MEDIA_ENTRY_FOLDER)
  await fsp.mkdir(unpacked)
  await extract({ file: archive, cwd: unpacked, strict: true, strip: 1, filter: isMediaEntry })
  return unpacked
}

/** Moves `files` aside under a temporary name each; returns how to put them back or drop them. */
async function moveAside(files: string[], suffix: string) {
  const moved: { from: string; to: string }[] = []
  for (const from of files.filter((file) => fs.existsSync(file))) {
    const to = `${from}.${suffix}`
    await fsp.rename(from, to)
    moved.push({ from, to })
  }
  return {
    putBack: async () => {
      for (const { from, to } of moved.reverse()) await fsp.rename(to, from)
    },
    drop: async () => {
      for (const { to } of moved) await fsp.rm(to, { recursive: true, force: true })
    },
  }
}

/** Swaps the unpacked database (and media folder) in for the current ones; on failure, puts the current ones back. */
async function swapIn(target: RestoreTarget, unpackedDatabase: string, unpackedMedia: string | null): Promise<void> {
  if (fs.existsSync(target.databaseFile)) await ensureNotInUse(target.databaseFile)
  const suffix = `replaced-${process.pid}-${Date.now()}`
  const databaseFiles = [target.databaseFile, walFileOf(target.databaseFile), sharedMemoryFileOf(target.databaseFile)]
  const oldDatabase = await moveAside(databaseFiles, suffix)
  const oldMedia = await moveAside(unpackedMedia ? [target.mediaDirectory] : [], suffix)
  try {
    if (unpackedMedia) await fsp.rename(unpackedMedia, target.mediaDirectory)
    await fsp.rename(unpackedDatabase, target.databaseFile)
  } catch (error) {
    if (unpackedMedia && fs.existsSync(target.mediaDirectory) && !fs.existsSync(unpackedMedia))
      await fsp.rename(target.mediaDirectory, unpackedMedia)
    await oldMedia.putBack()
    await oldDatabase.putBack()
    throw error
  }
  await oldMedia.drop()
  await oldDatabase.drop()
}

/**
 * A signal (`signal`) stops the restore before it swaps anything in, and its work folders are removed; once
 * the swap has begun it runs to the end, so the target is never half old and half new.
 */
export async function restoreBackup(
  archive: string,
  target: RestoreTarget,
  signal?: AbortSignal,
): Promise<RestoreResult> {
  const manifest = await checkArchive(archive)
  const restoresMedia = manifest.media.storage === 'local'
  refuseOverwrite(target, restoresMedia)
  const removedLeftovers = [
    ...(await removeAbandonedWorkFolders(target.databaseFile, 'restore')),
    ...(restoresMedia ? await removeAbandonedWorkFolders(target.mediaDirectory, 'restore') : []),
  ]
  const databaseWork = await makeWorkFolder(target.databaseFile, 'restore')
  const mediaWork = restoresMedia ? await makeWorkFolder(target.mediaDirectory, 'restore') : null
  try {
    const database = await unpackDatabase(archive, manifest, databaseWork)
    stopIfAsked(signal)
    const unpackedMedia = mediaWork ? await unpackMedia(archive, mediaWork) : null
    stopIfAsked(signal)
    await swapIn(target, database.unpacked, unpackedMedia)
    return {
      removedLeftovers,
      manifest,
      integrity: database.integrity,
      summary: database.summary,
      media: restoresMedia
        ? { directory: target.mediaDirectory, files: manifest.media.files, bytes: manifest.media.bytes }
        : null,
    }
  } finally {
    await fsp.rm(databaseWork, { recursive: true, force: true })
    if (mediaWork) await fsp.rm(mediaWork, { recursive: true, force: true })
  }
}
