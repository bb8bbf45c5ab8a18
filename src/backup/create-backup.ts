// `npm run backup`: one gzipped tar holding a consistent copy of the SQLite database, the media files and a
// manifest. Everything is prepared in a hidden folder next to the archive's final name and renamed into
// place at the end, so an interrupted backup never leaves a half archive under that name.
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

import { create as createTar } from 'tar'

import { listMediaFiles, sha256OfFile, syncFile, type MediaFile } from './archive-files'
import { BackupProblem, README_BACKUP_SECTION, type DataLocations, type MediaBucket } from './backup-locations'
import {
  appVersion,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATABASE_ENTRY,
  MANIFEST_ENTRY,
  MEDIA_ENTRY_FOLDER,
  type BackupManifest,
  type MediaInBackup,
} from './backup-manifest'
import { copyDatabaseConsistently, summarizeDatabase, type DatabaseSummary } from './sqlite-file'
import { stopIfAsked } from './stopped'
import { makeWorkFolder, removeAbandonedWorkFolders } from './work-folders'

export type BackupResult = {
  archive: string
  archiveBytes: number
  manifest: BackupManifest
  summary: DatabaseSummary
  /** Work folders of earlier backups to the same file that were killed before they could remove them. */
  removedLeftovers: string[]
}
export type BackupRunOptions = { force: boolean; signal?: AbortSignal }

function mediaInBackup(locations: DataLocations, files: MediaFile[]): MediaInBackup {
  if (locations.mediaBucket) return mediaInBucket(locations.mediaBucket)
  return {
    storage: 'local',
    source: locations.mediaDirectory,
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
  }
}

function mediaInBucket(bucket: MediaBucket): MediaInBackup {
  const where = `s3://${bucket.bucket}/${bucket.prefix}`
  return {
    storage: 's3',
    ...bucket,
    files: 0,
    bytes: 0,
    note: `Media files are in the bucket ${where}, not in this archive: back the bucket up on its own (${README_BACKUP_SECTION}).`,
  }
}

function refuseBadDestination(locations: DataLocations, out: string, force: boolean): void {
  if (out === locations.databaseFile) throw new BackupProblem('--out names the database file itself.')
  if (!locations.mediaBucket && out.startsWith(locations.mediaDirectory + path.sep)) {
    throw new BackupProblem(
      `--out is inside the media folder ${locations.mediaDirectory}, which the backup copies: write it elsewhere.`,
    )
  }
  if (!fs.existsSync(locations.databaseFile)) {
    throw new BackupProblem(
      `there is no database at ${locations.databaseFile} (from DATABASE_URI=${locations.databaseUri}).`,
    )
  }
  if (fs.existsSync(out) && !force) {
    throw new BackupProblem(`${out} already exists: choose another --out, or add --force to replace it.`)
  }
}

/**
 * A signal (`signal`) stops the backup between two steps; its work folder is removed and nothing is
 * written under the archive's name.
 */
export async function createBackup(
  locations: DataLocations,
  out: string,
  { force, signal }: BackupRunOptions,
): Promise<BackupResult> {
  const archive = path.resolve(out)
  refuseBadDestination(locations, archive, force)
  const removedLeftovers = await removeAbandonedWorkFolders(archive, 'partial')
  const work = await makeWorkFolder(archive, 'partial')
  try {
    const databaseCopy = path.join(work, DATABASE_ENTRY)
    await copyDatabaseConsistently(locations.databaseFile, databaseCopy)
    stopIfAsked(signal)
    const summary = await summarizeDatabase(databaseCopy)
    // Media after the database: every media document in the copy already had its file written.
    const mediaFiles = locations.mediaBucket ? [] : await listMediaFiles(locations.mediaDirectory)
    stopIfAsked(signal)
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: appVersion(),
      database: {
        kind: 'sqlite',
        source: locations.databaseFile,
        entry: DATABASE_ENTRY,
        bytes: (await fsp.stat(databaseCopy)).size,
        sha256: await sha256OfFile(databaseCopy),
      },
      media: mediaInBackup(locations, mediaFiles),
    }
    await fsp.writeFile(path.join(work, MANIFEST_ENTRY), `${JSON.stringify(manifest, null, 2)}\n`)
    const entries = [MANIFEST_ENTRY, DATABASE_ENTRY]
    if (mediaFiles.length > 0) {
      // The archive names media files media/<path>; a link in the work folder lets tar read them from there.
      await fsp.symlink(locations.mediaDirectory, path.join(work, MEDIA_ENTRY_FOLDER), 'dir')
      entries.push(...mediaFiles.map((file) => `${MEDIA_ENTRY_FOLDER}/${file.relativePath}`))
    }
    const partialArchive = path.join(work, 'archive.tar.gz')
    await createTar(
      { file: partialArchive, cwd: work, gzip: true, portable: true, follow: true, strict: true },
      entries,
    )
    await syncFile(partialArchive)
    stopIfAsked(signal)
    await fsp.rename(partialArchive, archive)
    return { archive, archiveBytes: (await fsp.stat(archive)).size, manifest, summary, removedLeftovers }
  } finally {
    await fsp.rm(work, { recursive: true, force: true })
  }
}
